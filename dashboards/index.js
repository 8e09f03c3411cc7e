// Placeholder home page: shows who is logged in and offers logout (a form post carrying the CSRF token).
(function () {
    'use strict';
    var roles = {OFFICE: '信息化办公室', LEADER: '市领导', DEPARTMENT: '部门／县区'};
    fetch('/api/me', {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
        .then(function (response) {
            if (response.status === 401) {
                window.location.assign('/login.html?next=%2F');
                return null;
            }
            return response.json();
        })
        .then(function (me) {
            if (!me) {
                return;
            }
            var who = (me.displayName || me.username) + ' · ' + (roles[me.role] || me.role);
            if (me.unitName) {
                who += ' · ' + me.unitName;
            }
            document.getElementById('who').textContent = who;
            document.getElementById('csrf').value = me.csrfToken || '';
            document.getElementById('demo').hidden = !me.demo;
        });
}());
