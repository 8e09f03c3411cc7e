// Leader dashboard (read-only): network coverage, LAN/OA, website freshness, averages, trends, top/bottom lists.
(function () {
    'use strict';
    var E = window.Egov, el = E.el, $ = E.$;
    var STATUS_COLORS = ['#2e7d32', '#e0a100', '#c3ccd6'];
    // The network statuses as charted, with the field of a coverage count that holds each.
    var NODE_SERIES = [['CONNECTED', 'connected'], ['PLANNED', 'planned'], ['NOT_CONNECTED', 'notConnected']];

    /**
     * An indicator distribution's buckets as charted; three of them are named like the enums they stand for. Units
     * without a site are their own bucket (未建网站), never counted as 严重滞后.
     */
    function buckets() {
        return [['FULL', E.label('UpdateBucket', 'FULL'), '#2e7d32'],
            ['PARTIAL', E.label('UpdateBucket', 'PARTIAL'), '#e0a100'],
            ['ZERO', E.label('UpdateBucket', 'ZERO'), '#ef6c00'],
            ['VETOED', E.label('FindingKind', 'VETO'), '#b71c1c'],
            ['NO_SITE', E.label('IndicatorState', 'NO_SITE'), '#8e7cc3'],
            ['NO_DATA', E.label('IndicatorState', 'NO_DATA'), '#c3ccd6']];
    }

    function node(status) {
        return E.label('NodeStatus', status);
    }

    E.chartDefaults();
    E.start('市领导视图', ['LEADER', 'OFFICE']).then(function () {
        // The vetoes of the latest snapshot: counted in a tile, and named next to each vetoed unit in the lists.
        var alerts = E.api('/api/warnings?includeVetoes=true').catch(function (e) {
            if (e.status === 404) {
                return [];
            }
            throw e;
        });
        var names = E.api('/api/indicators').then(function (rules) {
            var byId = {};
            rules.indicators.forEach(function (i) { byId[i.id] = i.name; });
            byId.no_site = E.label('IndicatorState', 'NO_SITE');
            return byId;
        });
        return Promise.all([
            E.api('/api/coverage').then(coverage),
            E.api('/api/coverage/history').then(coverageHistory),
            E.api('/api/lan-status').then(lan),
            E.api('/api/indicators/homepage_freshness/distribution').then(freshness).catch(noScores('chart-freshness')),
            Promise.all([E.api('/api/rankings?limit=0'), alerts, names]).then(function (r) {
                return rankings(r[0], vetoesByUnit(r[1], r[2]));
            }).catch(noScores(null)),
            alerts.then(vetoes)
        ]);
    }).then(function () {
        E.markReady('data-ready');
    }).catch(function (e) {
        E.showError($('leader-error'), e);
        document.body.setAttribute('data-ready', 'error');
    });

    function noScores(canvasId) {
        return function (e) {
            if (e.status !== 404) {
                throw e;
            }
            if (canvasId) {
                E.$(canvasId).parentNode.appendChild(el('p', {class: 'muted', text: '尚无评分快照'}));
            }
        };
    }

    function kpi(id, value, sub) {
        var box = $(id);
        var label = box.querySelector('.kpi-label').textContent;
        E.append(E.clear(box), [el('div', {class: 'kpi-label', text: label}),
            el('div', {class: 'kpi-value', text: value}), sub ? el('div', {class: 'kpi-sub'}, sub) : null]);
    }

    function coverage(report) {
        var t = report.total;
        var depts = report.byGroup.filter(function (g) { return g.group === 'DEPARTMENTS'; })[0];
        kpi('kpi-network', t.connected + ' / ' + t.units, [
            depts ? depts.label + ' ' + depts.counts.connected + ' / ' + depts.counts.units + ' ' + node('CONNECTED')
                : '',
            el('br'), node('PLANNED') + ' ' + t.planned + ' · 终端 ' + t.terminals + ' 台']);
        E.chart('chart-network-group', {
            type: 'doughnut',
            plugins: [RING_LABELS],
            data: {
                labels: NODE_SERIES.map(function (s) { return node(s[0]); }),
                datasets: report.byGroup.map(function (g) {
                    return {label: g.label, data: [g.counts.connected, g.counts.planned, g.counts.notConnected],
                        backgroundColor: STATUS_COLORS};
                })
            },
            options: {plugins: {tooltip: {callbacks: {title: function (items) {
                return items.length ? items[0].dataset.label : '';
            }}}, subtitle: {display: true, text: '由外到内：' + report.byGroup.map(function (g) { return g.label; })
                .reverse().join('、')}}}
        });
        E.chart('chart-network-county', {
            type: 'bar',
            data: {
                labels: report.byCounty.map(function (c) { return c.name; }),
                datasets: NODE_SERIES.map(function (s, i) {
                    return {label: node(s[0]), data: report.byCounty.map(function (c) { return c.counts[s[1]]; }),
                        backgroundColor: STATUS_COLORS[i]};
                })
            },
            options: {scales: {x: {stacked: true}, y: {stacked: true, title: {display: true, text: '单位数'}}}}
        });
    }

    /**
     * Each ring of the network doughnut named on the ring itself (at 12 o'clock): the colours name the statuses,
     * these name the groups. The names drawn are kept on the chart (ringLabelsDrawn) for tests.
     */
    var RING_LABELS = {
        id: 'ringLabels',
        afterDatasetsDraw: function (chart) {
            var ctx = chart.ctx;
            var drawn = [];
            ctx.save();
            ctx.font = '11px ' + Chart.defaults.font.family;
            ctx.textAlign = 'center';
            ctx.textBaseline = 'middle';
            chart.data.datasets.forEach(function (ds, i) {
                var meta = chart.getDatasetMeta(i);
                if (!meta.data.length || !chart.isDatasetVisible(i)) {
                    return;
                }
                var arc = meta.data[0].getProps(['x', 'y', 'innerRadius', 'outerRadius'], true);
                var y = arc.y - (arc.innerRadius + arc.outerRadius) / 2;
                var w = ctx.measureText(ds.label).width + 6;
                ctx.fillStyle = 'rgba(255,255,255,0.85)';
                ctx.fillRect(arc.x - w / 2, y - 7, w, 14);
                ctx.fillStyle = '#1f2d3d';
                ctx.fillText(ds.label, arc.x, y);
                drawn.push(ds.label);
            });
            ctx.restore();
            chart.ringLabelsDrawn = drawn;
        }
    };

    var NUMERALS = '一二三四五六七八九十';

    /**
     * The network's phases (一期, 二期 …) from the status history: each phase starts at its first connection, or,
     * while none of it is connected yet, at its first planned node (marked 规划). x is in years, as the axis.
     */
    function phaseMarks(events) {
        var phases = {};
        events.forEach(function (e) {
            if (!e.phase || (e.status !== 'CONNECTED' && e.status !== 'PLANNED')) {
                return;
            }
            var p = phases[e.phase] = phases[e.phase] || {};
            var key = e.status === 'CONNECTED' ? 'connected' : 'planned';
            if (!p[key] || e.date < p[key]) {
                p[key] = e.date;
            }
        });
        return Object.keys(phases).map(Number).sort(function (a, b) { return a - b; }).map(function (n) {
            var p = phases[n];
            var date = p.connected || p.planned;
            var name = (n <= NUMERALS.length ? NUMERALS.charAt(n - 1) : String(n)) + '期';
            return {x: years(date.slice(0, 7)), label: name + (p.connected ? ' ' + date.slice(0, 7) : '（规划）'),
                phase: n};
        });
    }

    /** "2002-06" as a position on a year axis: the start of that month (2002-01 is 2002). */
    function years(month) {
        return Number(month.slice(0, 4)) + (Number(month.slice(5, 7)) - 1) / 12;
    }

    /** Dashed lines with their names across the chart at the phase marks (options.plugins.phases.marks). */
    var PHASES = {
        id: 'phases',
        afterDatasetsDraw: function (chart, args, options) {
            var area = chart.chartArea, x = chart.scales.x, ctx = chart.ctx;
            ctx.save();
            ctx.font = '11px ' + Chart.defaults.font.family;
            ctx.textBaseline = 'top';
            (options.marks || []).forEach(function (m, i) {
                var px = x.getPixelForValue(m.x);
                if (px < area.left || px > area.right) {
                    return;
                }
                ctx.strokeStyle = '#6a4c93';
                ctx.setLineDash([4, 3]);
                ctx.beginPath();
                ctx.moveTo(px, area.top);
                ctx.lineTo(px, area.bottom);
                ctx.stroke();
                ctx.fillStyle = '#4a3a78';
                // Labels near the right edge go left of their line; staggered so that close phases stay legible.
                var w = ctx.measureText(m.label).width;
                ctx.textAlign = px + w + 4 > area.right ? 'right' : 'left';
                ctx.fillText(m.label, px + (ctx.textAlign === 'right' ? -3 : 3), area.top + 2 + (i % 2) * 13);
            });
            ctx.restore();
        }
    };

    function coverageHistory(history) {
        var months = history.months;
        var marks = phaseMarks(history.events || []);
        // A year axis from half a year before the first month with data (the server starts at the first recorded
        // change) to this month: the steps, not twenty years of category labels, are what the eye should find.
        var first = months.length ? years(months[0].month) : null;
        var last = months.length ? years(months[months.length - 1].month) : null;
        var span = months.length ? last - first : 0;
        function points(field) {
            return months.map(function (m) { return {x: years(m.month), y: m[field]}; });
        }
        E.chart('chart-coverage-history', {
            type: 'line',
            plugins: [PHASES],
            data: {
                datasets: [
                    {label: node('CONNECTED'), data: points('connected'), stepped: true, pointRadius: 0,
                        borderColor: '#2e7d32', backgroundColor: 'rgba(46,125,50,0.15)', fill: true},
                    {label: node('PLANNED'), data: points('planned'), stepped: true, pointRadius: 0,
                        borderColor: '#e0a100'}]
            },
            options: {
                scales: {
                    x: {type: 'linear', min: first === null ? undefined : first - 0.5,
                        max: last === null ? undefined : last, ticks: {stepSize: span > 12 ? 2 : 1,
                            callback: function (v) { return Number.isInteger(v) ? v + '年' : ''; }}},
                    y: {beginAtZero: true, title: {display: true, text: '单位数'}}},
                plugins: {phases: {marks: marks}, tooltip: {callbacks: {title: function (items) {
                    var v = items.length ? items[0].parsed.x : 0;
                    var year = Math.floor(v + 1e-9), month = Math.round((v - year) * 12) + 1;
                    return year + '年' + month + '月末';
                }}}}
            }
        });
        if (months.length >= 2) {
            var last = months[months.length - 1], before = months[months.length - 2];
            var delta = last.connected - before.connected;
            trend.network = delta;
        }
        showTrend();
    }

    var trend = {network: null, score: null, scoreSince: null};
    function showTrend() {
        var parts = [];
        if (trend.network !== null) {
            parts.push(el('div', {class: trend.network >= 0 ? 'up' : 'down',
                text: '政务网新接入 ' + (trend.network >= 0 ? '+' : '') + trend.network + ' 个单位'}));
        }
        if (trend.score !== null) {
            parts.push(el('div', {class: trend.score >= 0 ? 'up' : 'down',
                text: '平均分 ' + (trend.score >= 0 ? '+' : '') + E.fmt(trend.score, 1) + '（较 ' + trend.scoreSince
                    + '）'}));
        }
        var value = trend.network === null ? '—' : (trend.network >= 0 ? '+' : '') + trend.network;
        kpi('kpi-trend', value, parts.length ? parts : '尚无上月数据');
    }

    // The bucket the server puts units without an approved self-report in (SelfReportService.NOT_REPORTED): shown as
    // a figure of its own, so that the chart is about what the reporting units have.
    var NOT_REPORTED = '未上报';

    function lan(status) {
        function series(map, keys) {
            return keys.map(function (k) { return map[k] || 0; });
        }
        var labels = Object.keys(status.lan).concat(Object.keys(status.oa), Object.keys(status.internet))
            .filter(function (k, i, a) { return k !== NOT_REPORTED && a.indexOf(k) === i; });
        E.chart('chart-lan', {
            type: 'bar',
            data: {
                labels: labels,
                datasets: [
                    {label: '局域网', data: series(status.lan, labels), backgroundColor: '#1e5fa8'},
                    {label: '办公自动化', data: series(status.oa, labels), backgroundColor: '#00838f'},
                    {label: '互联网接入', data: series(status.internet, labels), backgroundColor: '#8d6e63'}]
            },
            options: {scales: {x: {stacked: true}, y: {stacked: true, beginAtZero: true,
                title: {display: true, text: '单位数'}}},
                plugins: {subtitle: {display: true, text: '已上报单位 ' + status.reported + ' 个（图中）· 未上报 '
                    + (status.units - status.reported) + ' 个 · 共 ' + status.units + ' 个单位'}}}
        });
    }

    function freshness(dist) {
        var groups = Object.keys(dist.byGroup);
        E.chart('chart-freshness', {
            type: 'bar',
            data: {
                labels: groups.map(function (g) { return E.label('PeerGroup', g); }),
                datasets: buckets().map(function (b) {
                    return {label: b[1], backgroundColor: b[2], data: groups.map(function (g) {
                        return dist.byGroup[g][b[0]] || 0;
                    })};
                })
            },
            options: {indexAxis: 'y', scales: {x: {stacked: true, title: {display: true, text: '单位数'}},
                y: {stacked: true}}, plugins: {subtitle: {display: true, text: dist.name + ' · 评分日 ' + dist.day}}}
        });
    }

    // The average of all rated units, from the per-group summaries of a ranking answer.
    function cityAverage(table) {
        var sum = 0, rated = 0;
        table.groups.forEach(function (g) {
            if (g.rated) {
                sum += g.averageTotal * g.rated;
                rated += g.rated;
            }
        });
        return rated ? sum / rated : null;
    }

    /** Unit code → the names of the indicators that veto it, from the latest snapshot's vetoes. */
    function vetoesByUnit(alerts, names) {
        var byUnit = {};
        alerts.forEach(function (a) {
            if (a.finding.kind !== 'VETO') {
                return;
            }
            var list = byUnit[a.unitCode] = byUnit[a.unitCode] || [];
            var name = names[a.finding.indicator] || a.finding.indicator;
            if (list.indexOf(name) < 0) {
                list.push(name);
            }
        });
        return byUnit;
    }

    /**
     * How many units the top and the bottom list of a group show: ten each, but in a group of twenty or fewer rated
     * units the first half and the second half, so that no unit is in both lists.
     */
    function listSizes(rated) {
        if (rated > 20) {
            return {top: 10, bottom: 10, split: false};
        }
        var top = Math.ceil(rated / 2);
        return {top: top, bottom: rated - top, split: true};
    }

    // Per peer group: its average, its first and its last rated units (two small pages each).
    function rankings(table, vetoed) {
        var groups = table.groups.filter(function (g) { return g.rated > 0; });
        var averages = groups.map(function (g) { return g.label + ' ' + E.fmt(g.averageTotal, 1); });
        kpi('kpi-average', averages.length ? averages[0].replace(/^\S+ /, '') : '—',
            averages.map(function (a) { return el('div', {text: a}); }));
        var box = E.clear($('top-bottom'));
        var cols = [
            {label: '名次', class: 'num', cell: function (r) { return r.rank; }},
            {label: '单位', class: 'unit-name', cell: function (r) { return r.unitName; }},
            {label: '得分', class: 'num', cell: function (r) { return E.fmt(r.total, 1); }},
            {label: '等级', cell: function (r) {
                // A vetoed unit fails whatever its points: the list says so, and by which indicator.
                return [E.gradeBadge(r.grade, r.gradeLabel), r.vetoed ? el('div', {class: 'veto-reason',
                    text: '单项否决' + ((vetoed[r.unitCode] || []).length ? '：' + vetoed[r.unitCode].join('、') : '')})
                    : null];
            }}];
        function rated(t) {
            return t.rows.filter(function (r) { return r.rank !== null; });
        }
        function list(title, rows) {
            return el('div', {class: 'rank-list'}, [el('p', {class: 'muted', text: title}), E.table(cols, rows)]);
        }
        var lists = groups.map(function (g) {
            var size = listSizes(g.rated);
            var page = '/api/rankings?date=' + table.day + '&group=' + g.peerGroup;
            // The last ones are read as the tail of the same order (unrated units sort after it), not as the head
            // of the reverse order: units tied on the boundary would otherwise be in both lists.
            return Promise.all([E.api(page + '&limit=' + size.top),
                size.bottom ? E.api(page + '&offset=' + (g.rated - size.bottom) + '&limit=' + size.bottom)
                    : {rows: []}])
                .then(function (r) {
                    return el('div', {class: 'top-bottom-group', 'data-group': g.peerGroup}, [
                        el('h3', {text: g.label + '（' + g.rated + ' 个单位，平均 ' + E.fmt(g.averageTotal, 1) + ' 分）'}),
                        size.split ? el('p', {class: 'muted', text: '本组评定单位不足 20 个：分为前 ' + size.top
                            + ' 名与后 ' + size.bottom + ' 名，每个单位只列一次。'}) : null,
                        el('div', {class: 'grid2'}, [
                            list(size.split ? '前 ' + size.top + ' 名' : '前十名', rated(r[0])),
                            size.bottom ? list(size.split ? '后 ' + size.bottom + ' 名' : '后十名', rated(r[1])) : null])]);
                });
        });
        // The average a month ago, from the nearest snapshot on or before that day; none yet is no trend, calmly.
        var day = new Date(table.day + 'T00:00:00Z');
        day.setUTCDate(day.getUTCDate() - 30);
        var before = day.toISOString().slice(0, 10);
        E.api('/api/rankings?limit=0&before=' + before).then(function (old) {
            var a = cityAverage(table), b = old.day ? cityAverage(old) : null;
            if (a !== null && b !== null) {
                trend.score = a - b;
                trend.scoreSince = old.day;
                showTrend();
            }
        }).catch(function () { return null; });
        return Promise.all(lists).then(function (sections) { E.append(box, sections); });
    }

    function vetoes(alerts) {
        var sites = {}, units = {};
        alerts.forEach(function (a) {
            if (a.finding.kind === 'VETO') {
                units[a.unitCode] = true;
                if (a.finding.siteUrl) {
                    sites[a.finding.siteUrl] = true;
                }
            }
        });
        kpi('kpi-veto', String(Object.keys(sites).length), '涉及 ' + Object.keys(units).length + ' 个单位');
    }
}());
