// Office tab 登记管理: units (paged in the browser), sites, network nodes, missing liaisons and user accounts.
(function () {
    'use strict';
    var E = window.Egov, el = E.el, $ = E.$, O = E.office;
    var loaded = false;

    O.register('registry', {
        wire: function () {
            E.enumOptions($('uf-kind'), 'UnitKind');
            E.enumOptions($('us-role'), 'Role');
            $('rg-search').addEventListener('input', renderUnits);
            $('rg-new').addEventListener('click', function () { editUnit(null); });
            $('uf-cancel').addEventListener('click', function () { $('unit-form').classList.add('hidden'); });
            $('unit-form').addEventListener('submit', saveUnit);
            $('user-form').addEventListener('submit', saveUser);
            $('us-clear').addEventListener('click', function () { editUser(null); });
            editUser(null);
        },
        show: function () {
            if (!loaded) {
                loaded = true;
                loadRegistry();
            }
        }
    });

    var units = [], unitPage = 0;
    function loadRegistry() {
        E.api('/api/units').then(function (list) { units = list; renderUnits(); }).catch(function (e) { E.showError($('rg-units'), e); });
        E.api('/api/sites').then(function (sites) {
            E.append(E.clear($('rg-sites')), E.table([
                {label: '单位', cell: function (s) { return s.unitCode; }},
                {label: '网站', cell: function (s) { return s.name; }},
                {label: '网址', class: 'wrap', cell: function (s) { return s.url; }}
            ], sites.slice(0, 200), {empty: '没有网站'}));
        }).catch(function (e) { E.showError($('rg-sites'), e); });
        E.api('/api/nodes').then(function (nodes) {
            E.append(E.clear($('rg-nodes')), E.table([
                {label: '单位', cell: function (n) { return n.unitCode; }},
                {label: '状态', cell: function (n) { return E.label('NodeStatus', n.status); }},
                {label: '期次', class: 'num', cell: function (n) { return n.phase; }},
                {label: '终端', class: 'num', cell: function (n) { return n.terminals; }},
                {label: '带宽', class: 'num', cell: function (n) { return n.bandwidthMbps; }}
            ], nodes.slice(0, 200), {empty: '没有节点'}));
        }).catch(function (e) { E.showError($('rg-nodes'), e); });
        E.api('/api/liaisons/missing').then(function (rows) {
            E.append(E.clear($('rg-liaisons')), E.table([
                {label: '单位', cell: function (m) { return m.name + '（' + m.code + '）'; }},
                {label: '同类组', cell: function (m) { return E.label('PeerGroup', m.peerGroup); }},
                {label: '原联络员', cell: function (m) { return m.previousName || ''; }}
            ], rows.slice(0, 200), {empty: '所有单位都已登记联络员'}));
        }).catch(function (e) { E.showError($('rg-liaisons'), e); });
        loadUsers();
    }

    function renderUnits() {
        var q = $('rg-search').value.trim().toLowerCase();
        var rows = units.filter(function (u) { return !q || (u.name + ' ' + u.code).toLowerCase().indexOf(q) >= 0; });
        var pages = Math.ceil(rows.length / O.PAGE);
        unitPage = Math.max(0, Math.min(unitPage, pages - 1));
        E.append(E.clear($('rg-units')), [E.table([
            {label: '编码', cell: function (u) { return u.code; }},
            {label: '名称', cell: function (u) { return u.name; }},
            {label: '同类组', cell: function (u) { return E.label('PeerGroup', u.peerGroup); }},
            {label: '上级', cell: function (u) { return u.parentCode || ''; }},
            {label: '政务网', cell: function (u) {
                return u.networkStatus ? E.label('NodeStatus', u.networkStatus) : '';
            }},
            {label: '网站数', class: 'num', cell: function (u) { return u.siteCount; }},
            {label: '', cell: function (u) {
                var b = el('button', {type: 'button', class: 'secondary', text: '编辑'});
                b.addEventListener('click', function () { editUnit(u); });
                return b;
            }}
        ], rows.slice(unitPage * O.PAGE, unitPage * O.PAGE + O.PAGE), {id: 'units-table'}),
            E.pager(unitPage, pages, rows.length, function (p) { unitPage = p; renderUnits(); })]);
        O.ready('registry');
    }

    var editing = null;
    function editUnit(u) {
        editing = u;
        $('unit-form').classList.remove('hidden');
        $('uf-code').value = u ? u.code : '';
        $('uf-code').disabled = !!u;
        $('uf-name').value = u ? u.name : '';
        $('uf-kind').value = u ? u.kind : 'DEPARTMENT';
        $('uf-parent').value = u && u.parentCode ? u.parentCode : '';
        $('uf-aliases').value = u && u.aliases ? u.aliases.join('，') : '';
        $('uf-message').hidden = true;
        $('uf-name').focus();
    }

    function saveUnit(event) {
        event.preventDefault();
        var body = {code: $('uf-code').value.trim(), name: $('uf-name').value.trim(), kind: $('uf-kind').value,
            parentCode: $('uf-parent').value.trim() || null, aliases: E.splitList($('uf-aliases').value),
            tags: editing ? editing.tags : []};
        if (editing) {
            body.peerGroup = editing.peerGroup;
        }
        var done = editing ? E.put('/api/units/' + encodeURIComponent(editing.code), body) : E.post('/api/units', body);
        done.then(function () {
            E.say('uf-message', '已保存。', 'ok');
            return E.api('/api/units').then(function (l) { units = l; renderUnits(); });
        }).catch(function (e) { E.say('uf-message', e.message, 'error'); });
    }

    var users = [], editingUser = null;
    function loadUsers() {
        E.api('/api/users').then(function (list) {
            users = list;
            E.append(E.clear($('rg-users')), E.table([
                {label: '用户名', cell: function (u) { return u.username; }},
                {label: '显示名', cell: function (u) { return u.displayName || ''; }},
                {label: '角色', cell: function (u) { return E.label('Role', u.role); }},
                {label: '单位', cell: function (u) { return u.unitCode || ''; }},
                {label: '启用', cell: function (u) { return u.enabled ? '是' : '否'; }},
                {label: '最近登录', cell: function (u) { return E.date(u.lastLoginAt); }},
                {label: '', cell: function (u) {
                    var b = el('button', {type: 'button', class: 'secondary', text: '编辑'});
                    b.addEventListener('click', function () { editUser(u); });
                    return b;
                }}
            ], users, {id: 'users-table'}));
        }).catch(function (e) { E.showError($('rg-users'), e); });
    }

    function editUser(u) {
        editingUser = u;
        $('us-name').value = u ? u.username : '';
        $('us-name').disabled = !!u;
        $('us-display').value = u && u.displayName ? u.displayName : '';
        $('us-role').value = u ? u.role : 'DEPARTMENT';
        $('us-unit').value = u && u.unitCode ? u.unitCode : '';
        $('us-enabled').checked = u ? u.enabled : true;
        $('us-password').value = '';
        $('us-message').hidden = true;
    }

    function saveUser(event) {
        event.preventDefault();
        var body = {username: $('us-name').value.trim(), displayName: $('us-display').value.trim() || null,
            role: $('us-role').value, unitCode: $('us-unit').value.trim() || null, enabled: $('us-enabled').checked,
            password: $('us-password').value || null};
        var done = editingUser ? E.put('/api/users/' + encodeURIComponent(editingUser.username), body)
            : E.post('/api/users', body);
        done.then(function () {
            E.say('us-message', '用户已保存。', 'ok');
            editUser(null);
            loadUsers();
        }).catch(function (e) { E.say('us-message', e.message, 'error'); });
    }
}());
