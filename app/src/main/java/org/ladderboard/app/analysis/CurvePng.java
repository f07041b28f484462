package org.ladderboard.app.analysis;

import org.ladderboard.analysis.ScalingCurve;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.springframework.stereotype.Component;

/** The same curve as {@link CurveChart}, as a PNG for slides and announcements (drawn by JFreeChart). */
@Component
public class CurvePng {

    private final VerdictWords words;

    public CurvePng(VerdictWords words) {
        this.words = words;
    }

    public byte[] png(ScalingCurve curve) {
        YIntervalSeries series = new YIntervalSeries(curve.ladder());
        for (ScalingCurve.Point p : curve.points()) {
            series.add(Math.pow(10, p.x()), p.mean(), p.low(), p.high());
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        data.addSeries(series);
        LogAxis x = new LogAxis(curve.xLabel().replace(" (log scale)", ""));
        x.setBase(10);
        NumberAxis y = new NumberAxis(curve.metric());
        y.setAutoRangeIncludesZero(false);
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(false);
        renderer.setDefaultLinesVisible(true);
        renderer.setSeriesPaint(0, new Color(0x0b57d0));
        renderer.setErrorPaint(new Color(0x0b57d0));
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xe3e6ea));
        plot.setDomainGridlinePaint(new Color(0xe3e6ea));
        if (curve.baseline() != null) {
            ValueMarker chance = new ValueMarker(curve.baseline(), new Color(0xb3261e),
                    new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            chance.setLabel("chance");
            chance.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
            chance.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_RIGHT);
            plot.addRangeMarker(chance);
            y.setRange(Math.min(y.getLowerBound(), curve.baseline()) - 0.05, Math.max(y.getUpperBound(), curve.baseline()) + 0.05);
        }
        String title = (curve.part() == null ? "" : curve.part() + " · ") + curve.ladder() + ": " + words.headline(curve);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart, 800, 450);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
