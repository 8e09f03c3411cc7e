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
        return Promise.all([
            E.api('/api/coverage').then(coverage),
            E.api('/api/coverage/history').then(coverageHistory),
            E.api('/api/lan-status').then(lan),
            E.api('/api/indicators/homepage_freshness/distribution').then(freshness).catch(noScores('chart-freshness')),
            E.api('/api/rankings?limit=0').then(rankings).catch(noScores(null)),
            E.api('/api/warnings?includeVetoes=true').then(vetoes).catch(noScores(null))
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

    function coverageHistory(history) {
        var months = history.months;
        E.chart('chart-coverage-history', {
            type: 'line',
            data: {
                labels: months.map(function (m) { return m.month; }),
                datasets: [
                    {label: node('CONNECTED'), data: months.map(function (m) { return m.connected; }),
                        borderColor: '#2e7d32', backgroundColor: 'rgba(46,125,50,0.15)', fill: true},
                    {label: node('PLANNED'), data: months.map(function (m) { return m.planned; }),
                        borderColor: '#e0a100'}]
            },
            options: {scales: {y: {beginAtZero: true}}}
        });
        if (months.length >= 2) {
            var last = months[months.length - 1], before = months[months.length - 2];
            var delta = last.connected - before.connected;
            trend.network = delta;
        }
        showTrend();
    }

    var trend = {network: null, score: null};
    function showTrend() {
        var parts = [];
        if (trend.network !== null) {
            parts.push(el('div', {class: trend.network >= 0 ? 'up' : 'down',
                text: '政务网新接入 ' + (trend.network >= 0 ? '+' : '') + trend.network + ' 个单位'}));
        }
        if (trend.score !== null) {
            parts.push(el('div', {class: trend.score >= 0 ? 'up' : 'down',
                text: '平均分 ' + (trend.score >= 0 ? '+' : '') + E.fmt(trend.score, 1)}));
        }
        var value = trend.network === null ? '—' : (trend.network >= 0 ? '+' : '') + trend.network;
        kpi('kpi-trend', value, parts.length ? parts : '尚无上月数据');
    }

    function lan(status) {
        function series(map, keys) {
            return keys.map(function (k) { return map[k] || 0; });
        }
        var labels = Object.keys(status.lan).concat(Object.keys(status.oa)).filter(function (k, i, a) {
            return a.indexOf(k) === i;
        });
        E.chart('chart-lan', {
            type: 'bar',
            data: {
                labels: labels,
                datasets: [
                    {label: '局域网', data: series(status.lan, labels), backgroundColor: '#1e5fa8'},
                    {label: '办公自动化', data: series(status.oa, labels), backgroundColor: '#00838f'},
                    {label: '互联网接入', data: series(status.internet, labels), backgroundColor: '#8d6e63'}]
            },
            options: {scales: {y: {beginAtZero: true, title: {display: true, text: '单位数'}}},
                plugins: {subtitle: {display: true, text: '已上报 ' + status.reported + ' / ' + status.units + ' 个单位'}}}
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

    // Per peer group: its average, its first ten and its last ten rated units (two small pages each).
    function rankings(table) {
        var groups = table.groups.filter(function (g) { return g.rated > 0; });
        var averages = groups.map(function (g) { return g.label + ' ' + E.fmt(g.averageTotal, 1); });
        kpi('kpi-average', averages.length ? averages[0].replace(/^\S+ /, '') : '—',
            averages.map(function (a) { return el('div', {text: a}); }));
        var box = E.clear($('top-bottom'));
        var cols = [
            {label: '名次', class: 'num', cell: function (r) { return r.rank; }},
            {label: '单位', cell: function (r) { return r.unitName; }},
            {label: '得分', class: 'num', cell: function (r) { return E.fmt(r.total, 1); }},
            {label: '等级', cell: function (r) { return E.gradeBadge(r.grade, r.gradeLabel); }}];
        function rated(t) {
            return t.rows.filter(function (r) { return r.rank !== null; });
        }
        var lists = groups.map(function (g) {
            var page = '/api/rankings?date=' + table.day + '&group=' + g.peerGroup + '&limit=10';
            return Promise.all([E.api(page), E.api(page + '&sort=rank&dir=desc')]).then(function (r) {
                return el('div', {class: 'top-bottom-group'}, [
                    el('h3', {text: g.label + '（' + g.rated + ' 个单位，平均 ' + E.fmt(g.averageTotal, 1) + ' 分）'}),
                    el('div', {class: 'grid2'}, [
                        el('div', null, [el('p', {class: 'muted', text: '前十名'}), E.table(cols, rated(r[0]))]),
                        el('div', null, [el('p', {class: 'muted', text: '后十名'}), E.table(cols, rated(r[1]))])])]);
            });
        });
        var day = new Date(table.day + 'T00:00:00Z');
        day.setUTCDate(day.getUTCDate() - 30);
        var before = day.toISOString().slice(0, 10);
        E.api('/api/rankings?limit=0&date=' + before).then(function (old) {
            var a = cityAverage(table), b = cityAverage(old);
            if (a !== null && b !== null) {
                trend.score = a - b;
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
