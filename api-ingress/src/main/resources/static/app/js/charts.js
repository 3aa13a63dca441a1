// Charts with Chart.js (vendored UMD build, loaded by index.html as window.Chart).
const charts = new WeakMap();

const palette = ['#3b5bdb', '#2f9e44', '#f08c00', '#c2255c', '#1098ad', '#7048e8', '#e8590c', '#5c940d'];

function draw(canvas, config) {
    charts.get(canvas)?.destroy();
    if (!window.Chart) {
        canvas.replaceWith(document.createTextNode('Charts are unavailable.'));
        return;
    }
    charts.set(canvas, new window.Chart(canvas, config));
}

const baseOptions = {responsive: true, maintainAspectRatio: false, animation: false,
    plugins: {legend: {display: false}}};

/** A bar chart of {@code values} by {@code labels}. */
export function barChart(canvas, labels, values, label) {
    draw(canvas, {
        type: 'bar',
        data: {labels, datasets: [{label, data: values, backgroundColor: palette[0], borderRadius: 3}]},
        options: {...baseOptions, scales: {y: {beginAtZero: true}}},
    });
}

/** A doughnut of {@code values} by {@code labels}, with a legend. */
export function shareChart(canvas, labels, values) {
    draw(canvas, {
        type: 'doughnut',
        data: {labels, datasets: [{data: values, backgroundColor: labels.map((_, i) => palette[i % palette.length])}]},
        options: {...baseOptions, plugins: {legend: {display: true, position: 'bottom'}}},
    });
}
