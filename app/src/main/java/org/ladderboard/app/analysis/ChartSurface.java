package org.ladderboard.app.analysis;

/**
 * What {@link CurveChart} draws on: the same calls make the SVG document and the PNG picture, so both show the same
 * chart. Coordinates are pixels from the top left; colours are {@code #rrggbb}.
 */
interface ChartSurface {

    enum Anchor { START, MIDDLE, END }

    /** {@code dash} is an SVG dash array ("6 4") or null; {@code hover} a hover text (SVG only) or null. */
    void line(double x1, double y1, double x2, double y2, String color, double width, String dash, String hover);

    void polyline(double[] xs, double[] ys, String color, double width);

    void dot(double cx, double cy, double r, String color);

    void text(double x, double y, String text, Anchor anchor, String color, int size, boolean bold);

    /** Starts a group of marks sharing one hover text (a model's point and its interval); SVG only. */
    void beginGroup(String hover);

    void endGroup();
}
