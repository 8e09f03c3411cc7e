// Office tab 审计日志: every write to the API, newest first, filtered on the server by user, action and dates and
// paged by offset (one row more than a page is asked for, to know whether a next page exists). Actions are named by
// their labels from /api/labels; the path stays visible as a detail.
(function () {
    'use strict';
    var E = window.Egov, el = E.el, $ = E.$, O = E.office;
    var st = {page: 0, seq: 0};
    var usersLoaded = false;

    O.register('audit', {
        wire: function () {
            E.enumOptions($('au-action'), 'AuditAction');
            $('au-form').addEventListener('submit', function (e) {
                e.preventDefault();
                st.page = 0;
                load();
            });
            $('au-reset').addEventListener('click', function () {
                ['au-user', 'au-from', 'au-to'].forEach(function (id) { $(id).value = ''; });
                $('au-action').value = '';
                st.page = 0;
                load();
            });
        },
        show: function () {
            loadUsers();
            load();
        }
    });

    function loadUsers() {
        if (usersLoaded) {
            return;
        }
        usersLoaded = true;
        E.api('/api/users').then(function (users) {
            var list = $('au-users');
            users.forEach(function (u) {
                list.appendChild(el('option', {value: u.username, text: u.displayName || u.username}));
            });
        }).catch(function () { return null; });
    }

    function params() {
        var p = new URLSearchParams({limit: O.PAGE + 1, offset: st.page * O.PAGE});
        [['user', 'au-user'], ['action', 'au-action'], ['from', 'au-from'], ['to', 'au-to']].forEach(function (f) {
            var v = $(f[1]).value.trim();
            if (v) {
                p.set(f[0], v);
            }
        });
        return p;
    }

    function load() {
        var seq = ++st.seq;
        E.api('/api/audit?' + params()).then(function (rows) {
            if (seq !== st.seq) {
                return;
            }
            render(rows.slice(0, O.PAGE), rows.length > O.PAGE);
            O.ready('audit');
        }).catch(function (e) {
            if (seq === st.seq) {
                E.showError($('au-table'), e);
                O.ready('audit');
            }
        });
    }

    /** The outcome in words: 成功, or why it was refused or failed, with the status for the curious. */
    function outcome(status) {
        if (status >= 200 && status < 400) {
            return el('span', {class: 'status-SUCCEEDED', text: '成功'});
        }
        var why = {400: '请求有误', 401: '未登录', 403: '无权限', 404: '对象不存在', 409: '冲突，未执行',
            413: '内容过大', 415: '格式不支持', 422: '内容不合要求', 429: '尝试过多'}[status]
            || (status >= 500 ? '服务器错误' : '失败');
        return el('span', {class: 'status-FAILED', text: why + '（' + status + '）'});
    }

    function render(rows, hasNext) {
        var table = E.table([
            {label: '时间', cell: function (r) { return E.date(r.at); }},
            {label: '用户', cell: function (r) {
                return r.username ? [el('span', {text: r.username}), r.role ? el('span', {class: 'muted',
                    text: ' ' + E.label('Role', r.role)}) : null] : el('span', {class: 'muted', text: '未登录'});
            }},
            {label: '操作', cell: function (r) {
                return el('strong', {class: 'au-action', 'data-action': r.action, text: E.label('AuditAction', r.action)});
            }},
            {label: '对象', class: 'wrap', cell: function (r) { return r.target || '—'; }},
            {label: '结果', cell: function (r) { return outcome(r.status); }},
            {label: '来源地址', cell: function (r) { return r.clientIp || '—'; }}
        ], rows, {id: 'audit-table', empty: '没有符合条件的记录'});
        function btn(text, page, disabled) {
            var b = el('button', {type: 'button', class: 'page-btn', text: text, disabled: disabled});
            b.addEventListener('click', function () { st.page = page; load(); });
            return b;
        }
        var pager = el('div', {class: 'pager'}, [btn('‹ 上一页', st.page - 1, st.page <= 0),
            el('span', {class: 'page-info', text: '第 ' + (st.page + 1) + ' 页 · 本页 ' + rows.length + ' 条'}),
            btn('下一页 ›', st.page + 1, !hasNext)]);
        E.append(E.clear($('au-table')), [table, pager]);
    }
}());
