// Printing: charts redrawn at the printed width, and the office ranking's peer group and scoring day carried by a
// header row that Chromium repeats on every printed page. Loaded after common.js on each dashboard.
(function () {
    'use strict';
    var E = window.Egov, el = E.el, $ = E.$;

    /**
     * Chart.js sizes a canvas to its box when the window resizes, but printing lays the page out again without a
     * resize event: a chart drawn for a 1440 px screen would be clipped on A4 and one drawn for a phone would print
     * tiny. Resizing every chart when print starts (and again when it ends) draws them for the layout in use.
     */
    function resizeCharts() {
        if (!window.Chart || !Chart.instances) {
            return;
        }
        Object.keys(Chart.instances).forEach(function (id) {
            Chart.instances[id].resize();
        });
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

    function beforePrint() {
        rankingHeading();
        resizeCharts();
    }

    window.addEventListener('beforeprint', beforePrint);
    window.addEventListener('afterprint', resizeCharts);
    // Some print paths (and print emulation) switch the media without the two events.
    if (window.matchMedia) {
        var print = window.matchMedia('print');
        var onChange = function () { beforePrint(); };
        if (print.addEventListener) {
            print.addEventListener('change', onChange);
        } else if (print.addListener) {
            print.addListener(onChange);
        }
    }
    // The ranking is redrawn on every sort, filter and page: its print heading follows it.
    document.addEventListener('DOMContentLoaded', function () {
        var box = $('rk-table');
        if (box && window.MutationObserver) {
            new MutationObserver(rankingHeading).observe(box, {childList: true});
        }
    });

    E.print = {resizeCharts: resizeCharts};
}());
