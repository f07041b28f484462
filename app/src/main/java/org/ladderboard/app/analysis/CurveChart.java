package org.ladderboard.app.analysis;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import org.ladderboard.analysis.ScalingCurve;
import org.ladderboard.analysis.TrendShape;
import org.springframework.stereotype.Component;

/**
 * The one chart renderer of a scaling curve: log-scale x (one tick per model), each model's mean with its 95 %
 * interval, the chance baseline dashed, and hover values as SVG titles. {@link #svg} is the document the pages show
 * inline and offer as a download; {@link #png} is the same drawing on a bitmap, for slides and announcements, with
 * the verdict in words in its title. Both go through {@link ChartSurface}, so neither can drift from the other.
 * Several curves of one ladder and view (a few-shot sweep: one per K) are drawn on the same axes, each in its own
 * colour, with a legend ({@link #svg(List, String)}, {@link #png(List, String)}).
 */
@Component
public class CurveChart {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 340;
    private static final int PNG_WIDTH = 800;
    private static final int PNG_HEIGHT = 450;
    private static final int LEFT = 70;
    private static final int RIGHT = 24;
    private static final int TOP = 34;
    private static final int BOTTOM = 64;
    private static final String INK = "#1d232b";
    private static final String MUTED = "#55606e";
    private static final String GRID = "#e3e6ea";
    private static final String CURVE = "#0b57d0";
    private static final String CHANCE = "#b3261e";
    /** One colour per series after the first, distinguishable in colour-blind palettes (Okabe-Ito). */
    private static final String[] SERIES = {CURVE, "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#000000"};

    /** One curve of a chart with several, named in its legend (e.g. "4-shot"). */
    public record Series(String label, ScalingCurve curve) {
    }

    private final VerdictWords words;

    public CurveChart(VerdictWords words) {
        this.words = words;
    }

    /** The chart as a standalone SVG document, titled with what it plots. */
    public String svg(ScalingCurve curve) {
        String title = title(curve, curve.metric());
        SvgSurface svg = new SvgSurface(WIDTH, HEIGHT, title);
        draw(List.of(new Series(null, curve)), title, svg, WIDTH, HEIGHT);
        return svg.document();
    }

    /**
     * Several curves of one ladder and view on the same axes, with a legend, as an SVG document; {@code what} ends
     * the title (e.g. "mean loss (lower is better), by number of demonstrations").
     */
    public String svg(List<Series> series, String what) {
        String title = title(series.get(0).curve(), what);
        SvgSurface svg = new SvgSurface(WIDTH, HEIGHT, title);
        draw(series, title, svg, WIDTH, HEIGHT);
        return svg.document();
    }

    /** The same chart as an 800 × 450 PNG, titled with its verdict in words. */
    public byte[] png(ScalingCurve curve) {
        return png(List.of(new Series(null, curve)), words.headline(curve));
    }

    /** Several curves on the same axes as an 800 × 450 PNG, with a legend; {@code what} ends the title. */
    public byte[] png(List<Series> series, String what) {
        BufferedImage image = new BufferedImage(PNG_WIDTH, PNG_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            draw(series, title(series.get(0).curve(), what), new BitmapSurface(g, PNG_WIDTH, PNG_HEIGHT), PNG_WIDTH,
                    PNG_HEIGHT);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String title(ScalingCurve curve, String what) {
        return (curve.part() == null ? "" : curve.part() + " · ") + curve.ladder() + ": " + what;
    }

    private static void draw(List<Series> series, String title, ChartSurface out, int width, int height) {
        ScalingCurve curve = series.get(0).curve();
        // the axes span every series; each model's tick once, from the first series that has it
        Map<String, ScalingCurve.Point> ticks = new LinkedHashMap<>();
        series.forEach(s -> s.curve().points().forEach(p -> ticks.putIfAbsent(p.model(), p)));
        List<ScalingCurve.Point> all = series.stream().flatMap(s -> s.curve().points().stream()).toList();
        double xMin = all.stream().mapToDouble(ScalingCurve.Point::x).min().orElse(0);
        double xMax = all.stream().mapToDouble(ScalingCurve.Point::x).max().orElse(1);
        double xPad = Math.max(0.1, (xMax - xMin) * 0.08);
        double yMin = all.stream().mapToDouble(ScalingCurve.Point::low).min().orElse(0);
        double yMax = all.stream().mapToDouble(ScalingCurve.Point::high).max().orElse(1);
        if (curve.baseline() != null) {
            yMin = Math.min(yMin, curve.baseline());
            yMax = Math.max(yMax, curve.baseline());
        }
        double yPad = Math.max(1e-6, (yMax - yMin) * 0.1);
        Scale x = new Scale(xMin - xPad, xMax + xPad, LEFT, width - RIGHT);
        Scale y = new Scale(yMin - yPad, yMax + yPad, height - BOTTOM, TOP);

        out.text(LEFT, 20, title, ChartSurface.Anchor.START, INK, 13, true);
        // y axis with five ticks
        for (int t = 0; t <= 4; t++) {
            double value = y.min + (y.max - y.min) * t / 4;
            double py = y.at(value);
            out.line(LEFT, py, width - RIGHT, py, GRID, 1, null, null);
            out.text(LEFT - 6, py + 4, number(value), ChartSurface.Anchor.END, MUTED, 12, false);
        }
        out.line(LEFT, height - BOTTOM, width - RIGHT, height - BOTTOM, MUTED, 1, null, null);
        out.text((LEFT + width - RIGHT) / 2.0, height - 10, curve.xLabel(), ChartSurface.Anchor.MIDDLE, MUTED, 12, false);
        if (!title.contains(curve.metric())) { // the PNG's title is the verdict: say what is plotted above the axis
            out.text(LEFT, TOP - 2, curve.metric(), ChartSurface.Anchor.START, MUTED, 11, false);
        }
        if (curve.baseline() != null) {
            double py = y.at(curve.baseline());
            out.line(LEFT, py, width - RIGHT, py, CHANCE, 1, "6 4", "chance: " + number(curve.baseline()));
            out.text(width - RIGHT - 4, py - 5, "chance", ChartSurface.Anchor.END, CHANCE, 12, false);
        }
        for (int i = 0; i < series.size(); i++) {
            List<ScalingCurve.Point> points = series.get(i).curve().points();
            String color = SERIES[i % SERIES.length];
            String label = series.get(i).label();
            // several series: each a little aside, so intervals at the same model do not hide one another
            double shift = series.size() < 2 ? 0 : (i - (series.size() - 1) / 2.0) * 4;
            out.polyline(points.stream().mapToDouble(p -> x.at(p.x()) + shift).toArray(),
                    points.stream().mapToDouble(p -> y.at(p.mean())).toArray(), color, 2);
            for (ScalingCurve.Point p : points) {
                double px = x.at(p.x()) + shift;
                out.beginGroup(f("%s%s (%,d parameters): %s, 95%% interval %s to %s", label == null ? "" : label + ", ",
                        p.model(), p.parameters(), number(p.mean()), number(p.low()), number(p.high())));
                out.line(px, y.at(p.low()), px, y.at(p.high()), color, 1, null, null);
                out.line(px - 5, y.at(p.low()), px + 5, y.at(p.low()), color, 1, null, null);
                out.line(px - 5, y.at(p.high()), px + 5, y.at(p.high()), color, 1, null, null);
                out.dot(px, y.at(p.mean()), series.size() < 2 ? 5 : 4, color);
                out.endGroup();
            }
            if (label != null) { // the legend, right-aligned in the row under the title
                double lx = width - RIGHT - 74.0 * (series.size() - i);
                out.line(lx, TOP - 6, lx + 16, TOP - 6, color, 3, null, null);
                out.text(lx + 20, TOP - 2, label, ChartSurface.Anchor.START, INK, 11, false);
            }
        }
        for (ScalingCurve.Point p : ticks.values()) {
            double px = x.at(p.x());
            out.text(px, height - BOTTOM + 16, p.model(), ChartSurface.Anchor.MIDDLE, INK, 12, false);
            out.text(px, height - BOTTOM + 30, compact(p.parameters()), ChartSurface.Anchor.MIDDLE, MUTED, 11, false);
        }
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

    static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    static String esc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
