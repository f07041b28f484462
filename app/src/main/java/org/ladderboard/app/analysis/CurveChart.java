package org.ladderboard.app.analysis;

import org.ladderboard.analysis.ScalingCurve;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.ladderboard.analysis.TrendShape;
import org.springframework.stereotype.Component;

/**
 * A scaling curve as a standalone SVG: log-scale x (one tick per model), each model's mean with its 95 % interval,
 * the chance baseline dashed, and hover values as SVG titles. The same document is shown inline and downloaded.
 */
@Component
public class CurveChart {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 340;
    private static final int LEFT = 70;
    private static final int RIGHT = 24;
    private static final int TOP = 34;
    private static final int BOTTOM = 64;

    public String svg(ScalingCurve curve) {
        List<ScalingCurve.Point> points = curve.points();
        double xMin = points.get(0).x();
        double xMax = points.get(points.size() - 1).x();
        double xPad = Math.max(0.1, (xMax - xMin) * 0.08);
        double yMin = points.stream().mapToDouble(ScalingCurve.Point::low).min().orElse(0);
        double yMax = points.stream().mapToDouble(ScalingCurve.Point::high).max().orElse(1);
        if (curve.baseline() != null) {
            yMin = Math.min(yMin, curve.baseline());
            yMax = Math.max(yMax, curve.baseline());
        }
        double yPad = Math.max(1e-6, (yMax - yMin) * 0.1);
        Scale x = new Scale(xMin - xPad, xMax + xPad, LEFT, WIDTH - RIGHT);
        Scale y = new Scale(yMin - yPad, yMax + yPad, HEIGHT - BOTTOM, TOP);
        String title = (curve.part() == null ? "" : curve.part() + " · ") + curve.ladder() + ": " + curve.metric();

        StringBuilder svg = new StringBuilder();
        svg.append(f("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" "
                + "aria-label=\"%s\" font-family=\"system-ui, sans-serif\" font-size=\"12\">", WIDTH, HEIGHT, WIDTH, HEIGHT, esc(title)));
        svg.append(f("<title>%s</title><rect width=\"%d\" height=\"%d\" fill=\"#fff\"/>", esc(title), WIDTH, HEIGHT));
        svg.append(f("<text x=\"%d\" y=\"20\" font-weight=\"600\" font-size=\"13\">%s</text>", LEFT, esc(title)));
        // y axis with five ticks
        for (int t = 0; t <= 4; t++) {
            double value = y.min + (y.max - y.min) * t / 4;
            double py = y.at(value);
            svg.append(f("<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#e3e6ea\"/>", LEFT, WIDTH - RIGHT, py, py));
            svg.append(f("<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"#55606e\">%s</text>", LEFT - 6, py + 4, number(value)));
        }
        svg.append(f("<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"#55606e\"/>", LEFT, WIDTH - RIGHT, HEIGHT - BOTTOM, HEIGHT - BOTTOM));
        svg.append(f("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#55606e\">%s</text>", (LEFT + WIDTH - RIGHT) / 2, HEIGHT - 10,
                esc(curve.xLabel())));
        if (curve.baseline() != null) {
            double py = y.at(curve.baseline());
            svg.append(f("<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#b3261e\" stroke-dasharray=\"6 4\"><title>chance: %s</title></line>",
                    LEFT, WIDTH - RIGHT, py, py, number(curve.baseline())));
            svg.append(f("<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"#b3261e\">chance</text>", WIDTH - RIGHT - 4, py - 5));
        }
        StringBuilder line = new StringBuilder();
        for (ScalingCurve.Point p : points) {
            line.append(f("%.1f,%.1f ", x.at(p.x()), y.at(p.mean())));
        }
        svg.append(f("<polyline points=\"%s\" fill=\"none\" stroke=\"#0b57d0\" stroke-width=\"2\"/>", line.toString().trim()));
        for (ScalingCurve.Point p : points) {
            double px = x.at(p.x());
            svg.append("<g>");
            svg.append(f("<title>%s (%,d parameters): %s, 95%% interval %s to %s</title>", esc(p.model()), p.parameters(),
                    number(p.mean()), number(p.low()), number(p.high())));
            svg.append(f("<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#0b57d0\"/>", px, px, y.at(p.low()), y.at(p.high())));
            svg.append(f("<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#0b57d0\"/>", px - 5, px + 5, y.at(p.low()), y.at(p.low())));
            svg.append(f("<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#0b57d0\"/>", px - 5, px + 5, y.at(p.high()), y.at(p.high())));
            svg.append(f("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"#0b57d0\"/>", px, y.at(p.mean())));
            svg.append("</g>");
            svg.append(f("<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#1d232b\">%s</text>", px, HEIGHT - BOTTOM + 16, esc(p.model())));
            svg.append(f("<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#55606e\" font-size=\"11\">%s</text>", px,
                    HEIGHT - BOTTOM + 30, esc(compact(p.parameters()))));
        }
        svg.append("</svg>");
        return svg.toString();
    }

    /**
     * A curve's means as a 100 × 24 line for the leaderboard: the same quantity the same way up as {@link #svg}
     * (larger values higher, whichever way is better), saying which in its title.
     */
    public static String sparkline(double[] means, String view, boolean lowerIsBetter, String verdict) {
        double min = Arrays.stream(means).min().orElse(0);
        double max = Arrays.stream(means).max().orElse(1);
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < means.length; i++) {
            double x = 4 + 92.0 * i / Math.max(1, means.length - 1);
            double y = max == min ? 12 : 20 - 16 * (means[i] - min) / (max - min);
            points.append(f("%.1f,%.1f ", x, y));
        }
        String values = Arrays.stream(means).mapToObj(CurveChart::number).collect(Collectors.joining(", "));
        String title = esc(TrendShape.labelOf(verdict) + ": " + ScalingCurve.metric(view, lowerIsBetter)
                + ", smallest to largest model: " + values);
        return f("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"24\" viewBox=\"0 0 100 24\" role=\"img\" "
                + "aria-label=\"%s\"><title>%s</title><polyline fill=\"none\" stroke=\"#0b57d0\" stroke-width=\"2\" points=\"%s\"/></svg>",
                title, title, points.toString().trim());
    }

    private record Scale(double min, double max, double from, double to) {
        double at(double value) {
            return from + (value - min) / (max - min) * (to - from);
        }
    }

    private static String compact(long n) {
        if (n >= 1_000_000_000L) {
            return f("%.1fB", n / 1e9);
        }
        if (n >= 1_000_000L) {
            return f("%.1fM", n / 1e6);
        }
        return n >= 1_000 ? f("%.0fk", n / 1e3) : Long.toString(n);
    }

    /** A value as the chart prints it; the words quote values the same way, so they read the same numbers. */
    static String number(double v) {
        return f(Math.abs(v) >= 100 ? "%.1f" : "%.3f", v);
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    private static String esc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
