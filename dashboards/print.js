// Printing: charts redrawn at the printed width, and the office ranking's peer group and scoring day carried by a
// header row that Chromium repeats on every printed page. Loaded after common.js on each dashboard.
(function () {
    'use strict';
    var E = window.Egov, el = E.el, $ = E.$;

    /**
     * Chart.js sizes a canvas to its box when the window resizes, but printing lays the page out again without a
     * resize event: a chart drawn for a 1440 px screen is wider than the paper (clipped, and it widens the whole
     * printed page) and one drawn for a phone prints tiny. When printing starts the print layout does not exist yet,
     * so each chart is redrawn at the size its box will have on paper (dashboard.css: @page A4 with 12 mm margins,
     * charts two to a row, 220 px high) and the print style stretches the canvas to its box, which absorbs the small
     * difference. After printing, charts follow their boxes again.
     */
    var PRINT_WIDTH = 700, PRINT_HEIGHT = 220;

    function eachChart(action) {
        if (!window.Chart || !Chart.instances) {
            return;
        }
        Object.keys(Chart.instances).forEach(function (id) { action(Chart.instances[id]); });
    }

    function chartsForPaper() {
        eachChart(function (chart) {
            var halfRow = chart.canvas.closest('.grid2, .grid3') !== null;
            chart.resize(halfRow ? PRINT_WIDTH / 2 - 40 : PRINT_WIDTH - 40, PRINT_HEIGHT);
        });
    }

    function chartsForScreen() {
        eachChart(function (chart) { chart.resize(); });
    }

    /** The ranking's first header row names its group and scoring day (shown in print only). */
    function rankingHeading() {
        var table = $('ranking-table'), group = $('rk-group'), day = $('rk-day');
        if (!table || !table.tHead || !group || !day) {
            return;
        }
        var text = '同类组：' + (group.selectedIndex >= 0 ? group.options[group.selectedIndex].text : '') + '　'
            + day.textContent;
        var row = table.tHead.querySelector('tr.print-only');
        if (!row) {
            var columns = table.tHead.rows[0] ? table.tHead.rows[0].cells.length : 1;
            row = el('tr', {class: 'print-only'}, el('th', {colspan: columns, scope: 'colgroup'}));
            table.tHead.insertBefore(row, table.tHead.firstChild);
        }
        row.cells[0].textContent = text;
    }

    window.addEventListener('beforeprint', function () {
        rankingHeading();
        chartsForPaper();
    });
    window.addEventListener('afterprint', chartsForScreen);
    // The ranking is redrawn on every sort, filter and page: its print heading follows it.
    document.addEventListener('DOMContentLoaded', function () {
        var box = $('rk-table');
        if (box && window.MutationObserver) {
            new MutationObserver(rankingHeading).observe(box, {childList: true});
        }
    });
}());
