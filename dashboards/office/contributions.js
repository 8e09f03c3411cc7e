// Office tab 信息报送: portal articles per unit over 30 or 90 days (sorted, filtered and paged here: the API answers
// every unit at once), and the sources that match no unit, each assigned to a unit picked by name (it becomes that
// unit's alias, so its articles count for the unit from then on, those already collected included).
(function () {
    'use strict';
    var E = window.Egov, el = E.el, $ = E.$, O = E.office;
    var st = {summary: null, sortKey: 'count', sortDir: -1, page: 0};
    // unit name as offered in the picker → code; a name two units share is offered as "name（code）"
    var byName = {};

    O.register('contributions', {
        wire: function () {
            E.enumOptions($('ct-group'), 'PeerGroup');
            $('ct-period').addEventListener('change', function () { st.page = 0; render(); });
            $('ct-group').addEventListener('change', function () { st.page = 0; render(); });
            $('ct-search').addEventListener('input', function () { st.page = 0; render(); });
        },
        show: function () {
            load();
        }
    });

    function load() {
        return Promise.all([E.api('/api/contributions'), E.api('/api/contributions/unmapped')]).then(function (r) {
            st.summary = r[0];
            fillPicker(r[0].units);
            render();
            renderUnmapped(r[1]);
            O.ready('contributions');
        }).catch(function (e) {
            E.showError($('ct-table'), e);
            O.ready('contributions');
        });
    }

    function days() {
        return $('ct-period').value === '90' ? 90 : 30;
    }

    function count(u) {
        return days() === 90 ? u.last90Days : u.last30Days;
    }

    function rank(u) {
        return days() === 90 ? u.rank90 : u.rank30;
    }

    function render() {
        var s = st.summary;
        if (!s) {
            return;
        }
        $('ct-asof').textContent = '截至 ' + s.asOf;
        $('ct-totals').textContent = '近 90 天共采集 ' + s.items90Days + ' 条：已计入单位 ' + s.mapped90Days
            + ' 条，来源未匹配 ' + s.unmapped90Days + ' 条，未注明来源 ' + s.withoutSource90Days + ' 条。';
        var group = $('ct-group').value;
        var q = $('ct-search').value.trim();
        var rows = s.units.filter(function (u) {
            return (!group || u.peerGroup === group) && (!q || u.name.indexOf(q) >= 0 || u.code.indexOf(q) >= 0);
        });
        var dir = st.sortDir;
        rows.sort(function (a, b) {
            var d = 0;
            if (st.sortKey === 'name') {
                d = a.name.localeCompare(b.name, 'zh-CN');
            } else if (st.sortKey === 'rank') {
                d = rank(a) - rank(b);
            } else {
                d = count(a) - count(b);
            }
            return d !== 0 ? d * dir : a.name.localeCompare(b.name, 'zh-CN');
        });
        var pages = Math.ceil(rows.length / O.PAGE);
        st.page = Math.min(st.page, Math.max(pages - 1, 0));
        var shown = rows.slice(st.page * O.PAGE, (st.page + 1) * O.PAGE);
        E.append(E.clear($('ct-table')), [E.table([
            {label: '单位', sortKey: 'name', cell: function (u) {
                return el('a', {href: '#unit/' + encodeURIComponent(u.code), class: 'unit-link', text: u.name});
            }},
            {label: '同类组', cell: function (u) { return E.label('PeerGroup', u.peerGroup); }},
            {label: '近 ' + days() + ' 天条数', class: 'num', sortKey: 'count', cell: function (u) {
                return el('span', {class: 'ct-count', 'data-unit': u.code, text: String(count(u))});
            }},
            {label: '组内名次', class: 'num', sortKey: 'rank', cell: function (u) { return rank(u); }}
        ], shown, {id: 'contributions-table', empty: '没有符合条件的单位', sortKey: st.sortKey, sortDir: st.sortDir,
            onSort: function (k) {
                st.sortDir = st.sortKey === k ? -st.sortDir : (k === 'count' ? -1 : 1);
                st.sortKey = k;
                st.page = 0;
                render();
            }}), E.pager(st.page, pages, rows.length, function (p) { st.page = p; render(); })]);
    }

    function fillPicker(units) {
        var seen = {};
        units.forEach(function (u) { seen[u.name] = (seen[u.name] || 0) + 1; });
        byName = {};
        var list = E.clear($('ct-units'));
        units.forEach(function (u) {
            var name = seen[u.name] > 1 ? u.name + '（' + u.code + '）' : u.name;
            byName[name] = u.code;
            list.appendChild(el('option', {value: name}));
        });
    }

    function renderUnmapped(sources) {
        E.append(E.clear($('ct-unmapped')), E.table([
            {label: '来源（原文）', class: 'wrap', cell: function (x) { return el('strong', {text: x.source}); }},
            {label: '条数', class: 'num', cell: function (x) { return x.items; }},
            {label: '最近日期', cell: function (x) { return x.latest || '—'; }},
            {label: '示例', class: 'wrap', cell: function (x) {
                return (x.exampleUrls || []).map(function (url, i) {
                    return el('a', {href: url, target: '_blank', rel: 'noopener noreferrer nofollow',
                        class: 'example-link', text: '示例 ' + (i + 1)});
                });
            }},
            {label: '归入单位', cell: assignControl}
        ], sources, {id: 'unmapped-table', empty: '所有来源都已对应到单位'}));
    }

    function assignControl(x) {
        var input = el('input', {type: 'text', list: 'ct-units', class: 'ct-unit-pick', placeholder: '输入单位名称选择',
            'aria-label': '“' + x.source + '”所属单位'});
        var button = el('button', {type: 'button', class: 'primary ct-assign', text: '归入'});
        button.addEventListener('click', function () {
            var name = input.value.trim();
            var code = byName[name];
            if (!code) {
                E.say('ct-message', '请从列表中选择单位（按名称搜索）：“' + name + '”不是已登记的单位名称', 'error');
                return;
            }
            button.disabled = true;
            E.post('/api/contributions/unmapped/' + encodeURIComponent(x.source) + '/assign', {unitCode: code})
                .then(function (unit) {
                    E.say('ct-message', '已将来源“' + x.source + '”作为别名归入“' + unit.name + '”，其 ' + x.items
                        + ' 条信息已计入该单位。', 'ok');
                    return load();
                }).catch(function (e) {
                    button.disabled = false;
                    E.say('ct-message', e.message, 'error');
                });
        });
        return el('span', {class: 'ct-assign-box'}, [input, button]);
    }
}());
