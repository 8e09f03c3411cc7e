// Office dashboard: the page's frame. Each tab is a file under office/ that registers itself here; this file logs
// in and switches tabs as the location hash names them (#unit/CODE opens a unit). Crawled and user-supplied text
// only ever goes in through textContent.
(function () {
    'use strict';
    var E = window.Egov;
    var tabs = {};
    var current = null;
    var indicatorNames = null;

    /**
     * A tab named as in office.html (data-tab): {wire(): binds its controls once, after login and labels;
     * show(arg): runs each time the tab opens, arg being what follows "name/" in the hash; hide(): runs when another
     * tab opens}. Only show is required.
     */
    function register(name, tab) {
        tabs[name] = tab;
    }

    /** Indicator id → name, asked once for the tabs that name indicators (empty when there is no snapshot yet). */
    function names() {
        if (!indicatorNames) {
            indicatorNames = E.api('/api/bottlenecks').then(function (list) {
                var byId = {};
                list.forEach(function (b) { byId[b.indicator] = b.name; });
                return byId;
            }).catch(function () { return {}; });
        }
        return indicatorNames;
    }

    /** Marks a tab's data drawn (tests and benchmarks wait for it). */
    function ready(name) {
        E.markReady('data-ready-' + name);
    }

    function show(name, arg) {
        if (current && current !== name && tabs[current] && tabs[current].hide) {
            tabs[current].hide();
        }
        current = name;
        if (tabs[name]) {
            tabs[name].show(arg);
        }
    }

    E.office = {register: register, indicatorNames: names, ready: ready, PAGE: 50};

    // The tabs' files are deferred scripts after this one: by DOMContentLoaded every tab has registered.
    document.addEventListener('DOMContentLoaded', function () {
        E.chartDefaults();
        E.start('信息化办公室', ['OFFICE']).then(function () {
            Object.keys(tabs).forEach(function (name) {
                if (tabs[name].wire) {
                    tabs[name].wire();
                }
            });
            E.tabs(show);
        }).catch(function (e) { E.showError(E.$('office'), e); });
    });
}());
