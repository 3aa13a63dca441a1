package dev.parley.bench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import dev.parley.bench.measure.Percentiles.Summary;

/** PNG charts (JFreeChart, headless): each run's TTFT distribution, and throughput and TTFT against concurrency. */
public final class Plots {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 520;

    private Plots() {
    }

    /** TTFT as cumulative distributions, Parley against direct, log scale of ms. */
    public static void ttftDistribution(RunResult run, Path file) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        run.ttftSamples().forEach((label, samples) -> {
            if (samples.length > 0) {
                data.addSeries(cdf(label + " (n=" + samples.length + ")", samples));
            }
        });
        LogarithmicAxis x = new LogarithmicAxis("time to first token, ms");
        x.setAllowNegativesFlag(false);
        NumberAxis y = new NumberAxis("share of streams, %");
        y.setRange(0, 100);
        XYLineAndShapeRenderer renderer = lines();
        renderer.setDefaultShapesVisible(false);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesShapesVisible(i, false);
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        save(new JFreeChart("TTFT distribution: " + run.spec().name() + " (C=" + run.spec().concurrency() + ")",
                JFreeChart.DEFAULT_TITLE_FONT, plot, true), file);
    }

    /** Streams/s (Parley and direct) and Parley's TTFT p50/p99 against the runs' concurrency. */
    public static void againstConcurrency(List<RunResult> runs, Path file) throws IOException {
        List<RunResult> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingInt(r -> r.spec().concurrency()));
        XYSeries parley = new XYSeries("Parley streams/s", false);
        XYSeries direct = new XYSeries("direct streams/s", false);
        XYSeries p50 = new XYSeries("Parley TTFT p50", false);
        XYSeries p99 = new XYSeries("Parley TTFT p99", false);
        for (RunResult run : sorted) {
            int c = run.spec().concurrency();
            parley.add(c, run.parley().streamsPerSecond());
            direct.add(c, run.direct().streamsPerSecond());
            Summary ttft = run.parley().ttft().getOrDefault("all", Summary.EMPTY);
            if (ttft.count() > 0) {
                p50.add(c, Math.max(ttft.p50(), 0.01));
                p99.add(c, Math.max(ttft.p99(), 0.01));
            }
        }
        LogarithmicAxis concurrency = new LogarithmicAxis("concurrent clients (C)");
        concurrency.setAllowNegativesFlag(false);
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(concurrency);
        combined.add(new XYPlot(collection(parley, direct), null, new NumberAxis("streams/s"), lines()), 1);
        LogarithmicAxis ms = new LogarithmicAxis("TTFT, ms");
        ms.setAllowNegativesFlag(false);
        combined.add(new XYPlot(collection(p50, p99), null, ms, lines()), 1);
        save(new JFreeChart("Throughput and TTFT against concurrency", JFreeChart.DEFAULT_TITLE_FONT, combined, true),
                file);
    }

    static XYSeries cdf(String label, double[] samples) {
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        XYSeries series = new XYSeries(label, true, true);
        int step = Math.max(1, sorted.length / 500);
        for (int i = 0; i < sorted.length; i += step) {
            series.add(Math.max(sorted[i], 0.01), 100.0 * (i + 1) / sorted.length);
        }
        series.add(Math.max(sorted[sorted.length - 1], 0.01), 100.0);
        return series;
    }

    private static XYSeriesCollection collection(XYSeries... series) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (XYSeries s : series) {
            data.addSeries(s);
        }
        return data;
    }

    private static XYLineAndShapeRenderer lines() {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < 4; i++) {
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        renderer.setDefaultShapesVisible(true);
        return renderer;
    }

    private static void save(JFreeChart chart, Path file) throws IOException {
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
    }
}
