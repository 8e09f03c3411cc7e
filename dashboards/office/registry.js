// Office tab 登记管理: units (paged in the browser), sites, network nodes and liaison officers, each with its form;
// the registry file and node survey import (preview first, every bad line listed) and export; user accounts.
(function () {
    'use strict';
    var E = window.Egov, el = E.el, $ = E.$, O = E.office;
    var loaded = false;

    O.register('registry', {
        wire: function () {
            E.enumOptions($('uf-kind'), 'UnitKind');
            E.enumOptions($('us-role'), 'Role');
            E.enumOptions($('sf-kind'), 'SiteKind');
            E.enumOptions($('nf-status'), 'NodeStatus');
            $('rg-search').addEventListener('input', function () { unitPage = 0; renderUnits(); });
            $('rg-new').addEventListener('click', function () { editUnit(null); });
            $('uf-cancel').addEventListener('click', closeUnitForm);
            $('unit-form').addEventListener('submit', saveUnit);
            $('rg-new-site').addEventListener('click', function () { editSite(null); });
            $('sf-cancel').addEventListener('click', function () { closeForm('site-form'); });
            $('site-form').addEventListener('submit', saveSite);
            $('rg-new-node').addEventListener('click', function () { editNode(null); });
            $('nf-cancel').addEventListener('click', function () { closeForm('node-form'); });
            $('node-form').addEventListener('submit', saveNode);
            $('rg-new-liaison').addEventListener('click', function () { editLiaison(null); });
            $('lf-cancel').addEventListener('click', function () { closeForm('liaison-form'); });
            $('liaison-form').addEventListener('submit', saveLiaison);
            // The browser's own file button speaks the browser's language: a label of ours stands in for it.
            $('im-file').addEventListener('change', function () {
                var f = $('im-file').files[0];
                $('im-filename').textContent = f ? f.name : '未选择文件';
            });
            $('im-preview').addEventListener('click', function () { importFile(true); });
            $('import-form').addEventListener('submit', function (event) {
                event.preventDefault();
                importFile(false);
            });
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

    var units = [], byCode = {}, unitPage = 0, justSaved = null;

    /** A unit as people know it: its name, with the code in small type after it. */
    function unitCell(code) {
        if (!code) {
            return '';
        }
        var u = byCode[code];
        return u ? el('span', null, [u.name, el('span', {class: 'unit-code', text: code})]) : code;
    }

    function unitName(code) {
        return byCode[code] ? byCode[code].name : code;
    }

    function loadUnits() {
        return E.api('/api/units').then(function (list) {
            units = list;
            byCode = {};
            list.forEach(function (u) { byCode[u.code] = u; });
            ['sf-unit', 'nf-unit', 'lf-unit'].forEach(fillUnitSelect);
            renderUnits();
        }).catch(function (e) { E.showError($('rg-units'), e); });
    }

    function fillUnitSelect(id) {
        var select = $(id), keep = select.value;
        E.clear(select).appendChild(el('option', {value: '', text: '请选择单位'}));
        units.slice().sort(function (a, b) { return a.name.localeCompare(b.name, 'zh-CN'); }).forEach(function (u) {
            select.appendChild(el('option', {value: u.code, text: u.name + '（' + u.code + '）'}));
        });
        select.value = keep;
    }

    function loadRegistry() {
        // Sites, nodes and the liaison list name units: they are drawn once the names are known.
        loadUnits().then(function () {
            loadSites();
            loadNodes();
            loadMissingLiaisons();
            loadUsers();
        });
    }

    function loadSites() {
        E.api('/api/sites').then(function (sites) {
            E.append(E.clear($('rg-sites')), E.table([
                {label: '单位', cell: function (s) { return unitCell(s.unitCode); }},
                {label: '网站', cell: function (s) { return s.name; }},
                {label: '网址', class: 'wrap', cell: function (s) { return s.url; }},
                {label: '类别', cell: function (s) { return E.label('SiteKind', s.kind); }},
                {label: '监测', cell: function (s) { return s.monitored ? '是' : '否'; }},
                {label: '', cell: function (s) { return editButton(function () { editSite(s); }); }}
            ], sites, {id: 'sites-table', empty: '没有网站'}));
        }).catch(function (e) { E.showError($('rg-sites'), e); });
    }

    function loadNodes() {
        E.api('/api/nodes').then(function (nodes) {
            E.append(E.clear($('rg-nodes')), E.table([
                {label: '单位', cell: function (n) { return unitCell(n.unitCode); }},
                {label: '状态', cell: function (n) { return E.label('NodeStatus', n.status); }},
                {label: '期次', class: 'num', cell: function (n) { return n.phase; }},
                {label: '接入日期', cell: function (n) { return n.connectedOn; }},
                {label: '终端', class: 'num', cell: function (n) { return n.terminals; }},
                {label: '带宽', class: 'num', cell: function (n) { return n.bandwidthMbps; }},
                {label: '', cell: function (n) { return editButton(function () { editNode(n); }); }}
            ], nodes, {id: 'nodes-table', empty: '没有节点'}));
        }).catch(function (e) { E.showError($('rg-nodes'), e); });
    }

    function loadMissingLiaisons() {
        E.api('/api/liaisons/missing').then(function (rows) {
            E.append(E.clear($('rg-liaisons')), E.table([
                {label: '单位', cell: function (m) { return unitCell(m.code); }},
                {label: '同类组', cell: function (m) { return E.label('PeerGroup', m.peerGroup); }},
                {label: '原联络员', cell: function (m) { return m.previousName || ''; }},
                {label: '', cell: function (m) {
                    var b = el('button', {type: 'button', class: 'secondary', text: '登记'});
                    b.addEventListener('click', function () { editLiaison(m.code); });
                    return b;
                }}
            ], rows, {id: 'liaisons-table', empty: '所有单位都已登记联络员'}));
        }).catch(function (e) { E.showError($('rg-liaisons'), e); });
    }

    function editButton(onClick) {
        var b = el('button', {type: 'button', class: 'secondary', text: '编辑'});
        b.addEventListener('click', onClick);
        return b;
    }

    /** Opens a form: visible, message cleared, first field focused and scrolled to. */
    function openForm(id, focusId) {
        var form = $(id);
        form.classList.remove('hidden');
        var message = form.querySelector('p[id$="-message"]');
        if (message) {
            message.hidden = true;
        }
        form.scrollIntoView({block: 'nearest'});
        $(focusId).focus();
    }

    /** Closes a form and empties it, so the next 新增 starts blank. */
    function closeForm(id) {
        var form = $(id);
        form.reset();
        Array.prototype.forEach.call(form.querySelectorAll('input, select'), function (x) { x.disabled = false; });
        var message = form.querySelector('p[id$="-message"]');
        if (message) {
            message.hidden = true;
        }
        form.classList.add('hidden');
    }

    function number(id) {
        var v = $(id).value.trim();
        return v === '' ? null : Number(v);
    }

    function text(id) {
        return $(id).value.trim() || null;
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
            {label: '上级', cell: function (u) { return u.parentCode ? unitName(u.parentCode) : ''; }},
            {label: '政务网', cell: function (u) {
                return u.networkStatus ? E.label('NodeStatus', u.networkStatus) : '';
            }},
            {label: '网站数', class: 'num', cell: function (u) { return u.siteCount; }},
            {label: '', cell: function (u) { return editButton(function () { editUnit(u); }); }}
        ], rows.slice(unitPage * O.PAGE, unitPage * O.PAGE + O.PAGE), {id: 'units-table',
            rowClass: function (u) { return u.code === justSaved ? 'just-saved' : null; }}),
            E.pager(unitPage, pages, rows.length, function (p) { unitPage = p; renderUnits(); })]);
        O.ready('registry');
    }

    var editing = null;
    function editUnit(u) {
        editing = u;
        $('rg-message').hidden = true;
        $('uf-code').value = u ? u.code : '';
        $('uf-code').disabled = !!u;
        $('uf-name').value = u ? u.name : '';
        $('uf-kind').value = u ? u.kind : 'DEPARTMENT';
        $('uf-parent').value = u && u.parentCode ? u.parentCode : '';
        $('uf-aliases').value = u && u.aliases ? u.aliases.join('，') : '';
        // The leaders (what the wording check reads the unit's sites against) are saved only when changed, so a
        // list that has not loaded yet is never saved as empty.
        leadersLoaded = '';
        $('uf-leaders').value = '';
        if (u) {
            E.api('/api/units/' + encodeURIComponent(u.code) + '/leaders').then(function (list) {
                if (editing === u) {
                    leadersLoaded = list.map(function (l) { return l.name + ' ' + l.post; }).join('\n');
                    if (!$('uf-leaders').value) {  // what the office typed meanwhile stays
                        $('uf-leaders').value = leadersLoaded;
                    }
                }
            }).catch(function (e) { E.say('uf-message', e.message, 'error'); });
        }
        openForm('unit-form', u ? 'uf-name' : 'uf-code');
    }

    var leadersLoaded = '';
    /** One leader a line: the name, then (after a space) the post. */
    function parseLeaders(text) {
        return text.split('\n').map(function (l) { return l.trim(); }).filter(Boolean).map(function (l) {
            var at = l.search(/[\s\u3000]/);
            return at < 0 ? {name: l, post: ''} : {name: l.slice(0, at), post: l.slice(at).trim()};
        });
    }

    function closeUnitForm() {
        editing = null;
        closeForm('unit-form');
    }

    function saveUnit(event) {
        event.preventDefault();
        var body = {code: $('uf-code').value.trim(), name: $('uf-name').value.trim(), kind: $('uf-kind').value,
            parentCode: text('uf-parent'), aliases: E.splitList($('uf-aliases').value),
            tags: editing ? editing.tags : []};
        if (editing) {
            body.peerGroup = editing.peerGroup;
        }
        var done = editing ? E.put('/api/units/' + encodeURIComponent(editing.code), body) : E.post('/api/units', body);
        done.then(function (saved) {
            var leaders = $('uf-leaders').value.trim();
            if (leaders === leadersLoaded.trim()) {
                return saved;
            }
            return E.put('/api/units/' + encodeURIComponent(saved.code) + '/leaders', {leaders: parseLeaders(leaders)})
                .then(function () { return saved; }, function (e) {
                    // The unit is saved: a second 保存 updates it and retries the leaders.
                    editing = saved;
                    $('uf-code').disabled = true;
                    throw e;
                });
        }).then(function (saved) {
            closeUnitForm();
            // The saved unit is shown: the list filtered to it and its row marked.
            justSaved = saved.code;
            $('rg-search').value = saved.code;
            unitPage = 0;
            E.say('rg-message', '已保存单位：' + saved.name + '（' + saved.code + '）', 'ok');
            // Every table here names units, and a new unit has no liaison yet: all are drawn again.
            loadRegistry();
        }).catch(function (e) { E.say('uf-message', e.message, 'error'); });
    }

    var editingSite = null;
    function editSite(s) {
        editingSite = s;
        $('sf-unit').value = s ? s.unitCode : '';
        $('sf-name').value = s ? s.name : '';
        $('sf-url').value = s ? s.url : '';
        $('sf-kind').value = s ? s.kind : 'DEPARTMENT';
        $('sf-monitored').checked = s ? s.monitored : true;
        openForm('site-form', s ? 'sf-name' : 'sf-unit');
    }

    function saveSite(event) {
        event.preventDefault();
        var body = {unitCode: $('sf-unit').value, name: $('sf-name').value.trim(), url: $('sf-url').value.trim(),
            kind: $('sf-kind').value, monitored: $('sf-monitored').checked};
        var done = editingSite ? E.put('/api/sites/' + editingSite.id, body) : E.post('/api/sites', body);
        done.then(function () {
            editingSite = null;
            closeForm('site-form');
            loadSites();
            loadUnits();
        }).catch(function (e) { E.say('sf-message', e.message, 'error'); });
    }

    function editNode(n) {
        $('nf-unit').value = n ? n.unitCode : '';
        $('nf-unit').disabled = !!n;
        $('nf-status').value = n ? n.status : 'CONNECTED';
        $('nf-phase').value = n && n.phase !== null ? n.phase : '';
        $('nf-date').value = n && n.connectedOn ? n.connectedOn : '';
        $('nf-bandwidth').value = n && n.bandwidthMbps !== null ? n.bandwidthMbps : '';
        $('nf-terminals').value = n && n.terminals !== null ? n.terminals : '';
        $('nf-host').value = n && n.probeHost ? n.probeHost : '';
        $('nf-port').value = n && n.probePort !== null ? n.probePort : '';
        openForm('node-form', n ? 'nf-status' : 'nf-unit');
    }

    function saveNode(event) {
        event.preventDefault();
        var code = $('nf-unit').value;
        if (!code) {
            E.say('nf-message', '请选择单位', 'error');
            return;
        }
        var body = {status: $('nf-status').value, phase: number('nf-phase'), connectedOn: text('nf-date'),
            bandwidthMbps: number('nf-bandwidth'), terminals: number('nf-terminals'), probeHost: text('nf-host'),
            probePort: number('nf-port')};
        E.put('/api/units/' + encodeURIComponent(code) + '/node', body).then(function () {
            closeForm('node-form');
            loadNodes();
            loadUnits();
        }).catch(function (e) { E.say('nf-message', e.message, 'error'); });
    }

    function editLiaison(code) {
        $('lf-done').hidden = true;
        $('lf-unit').value = code || '';
        $('lf-since').value = new Date().toISOString().slice(0, 10);
        openForm('liaison-form', code ? 'lf-name' : 'lf-unit');
    }

    function saveLiaison(event) {
        event.preventDefault();
        var code = $('lf-unit').value;
        var body = {name: $('lf-name').value.trim(), phone: text('lf-phone'), email: text('lf-email'),
            since: text('lf-since')};
        E.put('/api/units/' + encodeURIComponent(code) + '/liaison', body).then(function (saved) {
            closeForm('liaison-form');
            E.say('lf-done', '已登记 ' + unitName(code) + ' 的联络员：' + saved.name, 'ok');
            loadMissingLiaisons();
        }).catch(function (e) { E.say('lf-message', e.message, 'error'); });
    }

    /**
     * Sends the chosen file as it is (the server reads UTF-8 or GBK, as Excel saves it); a preview is the same
     * request with dryRun, which keeps nothing. Errors are listed one per line with the file's line number.
     */
    function importFile(preview) {
        var file = $('im-file').files[0];
        var out = E.clear($('im-result'));
        if (!file) {
            E.append(out, el('p', {class: 'message error', text: '请先选择文件'}));
            return;
        }
        var survey = $('im-kind').value === 'survey';
        var yaml = /\.ya?ml$/i.test(file.name);
        if (survey && yaml) {
            E.append(out, el('p', {class: 'message error', text: '节点调查表只支持 CSV 文件'}));
            return;
        }
        var path = (survey ? '/api/coverage/survey' : '/api/registry/import?format=' + (yaml ? 'yaml' : 'csv'))
            + (preview ? (survey ? '?' : '&') + 'dryRun=true' : '');
        E.append(out, el('p', {class: 'message info', text: preview ? '正在检查…' : '正在导入…'}));
        fetch(path, {method: 'POST', credentials: 'same-origin', body: file,
            headers: {'Accept': 'application/json', 'Content-Type': yaml ? 'text/plain' : 'text/csv',
                'X-CSRF-Token': E.me() ? E.me().csrfToken : ''}
        }).then(function (r) {
            return r.json().catch(function () { return {}; }).then(function (body) { return {status: r.status, body: body}; });
        }).then(function (answer) {
            E.clear(out);
            var body = answer.body;
            if (answer.status === 200) {
                var counts = survey ? '网络节点 ' + body.nodesChanged + ' 个'
                    : '单位 ' + body.unitsChanged + '、网站 ' + body.sitesChanged + '、节点 ' + body.nodesChanged
                        + '、联络员 ' + body.liaisonsChanged + '、领导名单 ' + body.leadersChanged;
                E.append(out, el('p', {class: 'message ok', id: 'im-summary', text: (preview
                    ? '检查通过：共 ' + body.rows + ' 行，导入将变更 ' + counts + '。尚未导入，确认后请点“导入”。'
                    : '导入完成：共 ' + body.rows + ' 行，变更 ' + counts + '。')}));
                if (!preview) {
                    loadRegistry();
                }
                return;
            }
            var errors = body.errors || [];
            E.append(out, [el('p', {class: 'message error', id: 'im-summary', text: errors.length
                ? '文件有 ' + errors.length + ' 处错误，未导入任何数据：' : (body.message || '导入失败（' + answer.status + '）')}),
                el('ol', {class: 'line-errors', id: 'im-errors'}, errors.map(function (e) {
                    return el('li', {text: (e.line ? '第 ' + e.line + ' 行：' : '') + (e.field ? e.field + '：' : '')
                        + (e.reason || '')});
                }))]);
        }).catch(function () {
            E.clear(out);
            E.append(out, el('p', {class: 'message error', text: '无法连接服务器，请稍后重试'}));
        });
    }

    var users = [], editingUser = null;
    function loadUsers() {
        E.api('/api/users').then(function (list) {
            users = list;
            E.append(E.clear($('rg-users')), E.table([
                {label: '用户名', cell: function (u) { return u.username; }},
                {label: '显示名', cell: function (u) { return u.displayName || ''; }},
                {label: '角色', cell: function (u) { return E.label('Role', u.role); }},
                {label: '单位', cell: function (u) { return unitCell(u.unitCode); }},
                {label: '启用', cell: function (u) { return u.enabled ? '是' : '否'; }},
                {label: '最近登录', cell: function (u) { return E.date(u.lastLoginAt); }},
                {label: '', cell: function (u) { return editButton(function () { editUser(u); }); }}
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
