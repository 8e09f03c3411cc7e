// Office tab 瓶颈矩阵: units × indicator groups shaded by points lost, weakest first, paged on the server.
(function () {
    'use strict';
    var E = window.Egov, el = E.el, $ = E.$, O = E.office;
    var mx = {group: 'DEPARTMENTS', page: 0};
    var loaded = false;

    O.register('matrix', {
        wire: function () {
            E.enumOptions($('mx-group'), 'PeerGroup');
            $('mx-group').addEventListener('change', function () { mx.group = this.value; mx.page = 0; loadMatrix(); });
        },
        show: function () {
            if (!loaded) {
                loaded = true;
                loadMatrix();
            }
        }
    });

    function shade(cell) {
        if (!cell || !cell.weight) {
            return 'na';
        }
        if (cell.noSite) {
            return 'nosite';
        }
        var share = cell.shortfall / cell.weight;
        return share <= 0 ? 's0' : share < 0.25 ? 's1' : share < 0.5 ? 's2' : share < 0.75 ? 's3' : 's4';
    }

    function loadMatrix() {
        E.api('/api/bottlenecks?group=' + mx.group).then(function (list) {
            var top = list.slice(0, 3).map(function (b) {
                return b.name + '（共失 ' + E.fmt(b.totalShortfall, 1) + ' 分，' + b.unitsAffected + ' 个单位）';
            });
            $('mx-city').textContent = top.length ? '本组瓶颈：' + top.join('；') : '';
        }).catch(function () { $('mx-city').textContent = ''; });
        E.api('/api/bottlenecks/matrix?group=' + mx.group + '&offset=' + mx.page * O.PAGE + '&limit=' + O.PAGE)
            .then(function (m) {
                var cols = [{label: '单位', cell: function (r) {
                    return el('a', {href: '#unit/' + encodeURIComponent(r.unitCode), text: r.unitName});
                }}, {label: '得分', class: 'num', cell: function (r) {
                    // Only 未评定 units go unranked: their points are no score.
                    return r.rank === null && !r.vetoed ? E.label('Grade', 'NOT_RATED')
                        : E.fmt(r.total, 1) + (r.vetoed ? ' 否决' : '');
                }}];
                m.groups.forEach(function (g) {
                    cols.push({label: g, class: 'cell', cell: function (r) {
                        var c = r.cells[g];
                        return el('span', {class: 'sw ' + shade(c), title: c ? (c.noSite ? '未建网站，' : '') + '失 ' + E.fmt(c.shortfall, 1) + ' / ' + E.fmt(c.weight, 1)
                            : '未评分', text: c ? E.fmt(c.shortfall, 1) : '—'});
                    }});
                });
                var table = E.table(cols, m.rows, {class: 'matrix', id: 'matrix-table'});
                Array.prototype.forEach.call(table.querySelectorAll('td.cell'), function (td) {
                    td.classList.add(td.firstChild.className.split(' ')[1]);
                });
                E.append(E.clear($('mx-table')), [table, E.pager(mx.page, Math.ceil(m.units / O.PAGE), m.units,
                    function (p) { mx.page = p; loadMatrix(); })]);
                O.ready('matrix');
            }).catch(function (e) { E.showError($('mx-table'), e.status === 404 ? '尚无评分快照。' : e); });
    }
}());
