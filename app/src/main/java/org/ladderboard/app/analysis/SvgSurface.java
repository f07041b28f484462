package org.ladderboard.app.analysis;

import static org.ladderboard.app.analysis.CurveChart.esc;
import static org.ladderboard.app.analysis.CurveChart.f;

/** {@link ChartSurface} as an SVG document, with hover texts as SVG titles. */
final class SvgSurface implements ChartSurface {

    private final StringBuilder svg = new StringBuilder();

    SvgSurface(int width, int height, String title) {
        svg.append(f("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" "
                + "aria-label=\"%s\" font-family=\"system-ui, sans-serif\" font-size=\"12\">", width, height, width, height, esc(title)));
        svg.append(f("<title>%s</title><rect width=\"%d\" height=\"%d\" fill=\"#fff\"/>", esc(title), width, height));
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, String color, double width, String dash, String hover) {
        svg.append(f("<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"", x1, x2, y1, y2, color));
        if (width != 1) {
            svg.append(f(" stroke-width=\"%s\"", number(width)));
        }
        if (dash != null) {
            svg.append(f(" stroke-dasharray=\"%s\"", dash));
        }
        svg.append(hover == null ? "/>" : f("><title>%s</title></line>", esc(hover)));
    }

    @Override
    public void polyline(double[] xs, double[] ys, String color, double width) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < xs.length; i++) {
            points.append(f("%.1f,%.1f ", xs[i], ys[i]));
        }
        svg.append(f("<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"%s\"/>", points.toString().trim(),
                color, number(width)));
    }

    @Override
    public void dot(double cx, double cy, double r, String color) {
        svg.append(f("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%s\" fill=\"%s\"/>", cx, cy, number(r), color));
    }

    @Override
    public void text(double x, double y, String text, Anchor anchor, String color, int size, boolean bold) {
        svg.append(f("<text x=\"%.1f\" y=\"%.1f\"", x, y));
        if (anchor != Anchor.START) {
            svg.append(f(" text-anchor=\"%s\"", anchor == Anchor.MIDDLE ? "middle" : "end"));
        }
        svg.append(f(" fill=\"%s\"", color));
        if (bold) {
            svg.append(" font-weight=\"600\"");
        }
        if (size != 12) {
            svg.append(f(" font-size=\"%d\"", size));
        }
        svg.append('>').append(esc(text)).append("</text>");
    }

    @Override
    public void beginGroup(String hover) {
        svg.append("<g>").append(f("<title>%s</title>", esc(hover)));
    }

    @Override
    public void endGroup() {
        svg.append("</g>");
    }

    String document() {
        return svg + "</svg>";
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : f("%s", v);
    }
}
