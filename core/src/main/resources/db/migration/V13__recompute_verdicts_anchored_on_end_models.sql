-- The turning-shape rule changed: a U or inverted U is now measured to the smallest and the largest model and each
-- arm must be monotone within noise (docs/verdict.md). Kept verdicts came from the earlier rule, which called
-- zigzags U-shaped; drop them so that every page recomputes them (the background warm-up does so for scored
-- submissions without a kept curve).
delete from ladder_curve;
