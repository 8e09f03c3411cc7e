// Home: sends each role to its dashboard (the server also offers the links for a browser without JavaScript).
(function () {
    'use strict';
    var pages = {OFFICE: '/office.html', LEADER: '/leader.html', DEPARTMENT: '/department.html'};
    fetch('/api/me', {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
        .then(function (response) {
            if (response.status === 401) {
                window.location.assign('/login.html?next=%2F');
                return null;
            }
            return response.json();
        })
        .then(function (me) {
            if (me && pages[me.role]) {
                window.location.replace(pages[me.role]);
            }
        });
}());
