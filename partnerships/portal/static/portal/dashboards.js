// Charts of the dashboards page (echarts), each from the JSON endpoint in its
// data-src; the page shows the same figures as tables for readers without scripts.
(function () {
  "use strict";
  var asked = {};
  function get(url) {
    // One request per address, however many charts draw from it.
    if (!asked[url]) {
      asked[url] = fetch(url, { credentials: "same-origin" }).then(function (r) { return r.json(); });
    }
    return asked[url];
  }
  // Every bar and country opens the list of engagements it counts.
  function listOf(box, params) {
    var query = Object.keys(params).map(function (k) {
      return encodeURIComponent(k) + "=" + encodeURIComponent(params[k]);
    }).join("&");
    return box.dataset.list + "?" + query;
  }
  // The eight largest series by total, the rest summed as one: a legend that
  // fits on a line or two instead of pages.
  var MOST = 8;
  function compact(t) {
    var totals = t.columns.map(function (_, i) {
      return t.rows.reduce(function (sum, r) { return sum + r.cells[i]; }, 0);
    });
    var order = totals.map(function (_, i) { return i; })
      .sort(function (a, b) { return totals[b] - totals[a]; });
    var kept = order.slice(0, MOST), rest = order.slice(MOST);
    var series = kept.map(function (i) {
      return { name: t.columns[i], key: t.keys[i], data: t.rows.map(function (r) { return r.cells[i]; }) };
    });
    if (rest.length) {
      series.push({ name: box_other, key: "", data: t.rows.map(function (r) {
        return rest.reduce(function (sum, i) { return sum + r.cells[i]; }, 0);
      }) });
    }
    return series;
  }
  var box_other = "…";
  function stacked(box) {
    get(box.dataset.src).then(function (t) {
      box_other = box.dataset.other || "…";
      var series = compact(t);
      var chart = echarts.init(box);
      chart.on("click", function (p) {
        var params = { year: t.rows[p.dataIndex].year };
        var key = series[p.seriesIndex].key;
        if (key) params[box.dataset.param] = key;
        window.location.href = listOf(box, params);
      });
      chart.setOption({
        tooltip: { trigger: "axis" },
        legend: { type: "plain", bottom: 0, itemWidth: 12, itemHeight: 10, textStyle: { fontSize: 11 } },
        grid: { top: 10, left: 40, right: 20, bottom: 70 },
        xAxis: { type: "category", data: t.rows.map(function (r) { return String(r.year); }) },
        yAxis: { type: "value", minInterval: 1 },
        series: series.map(function (s) {
          return { name: s.name, type: "bar", stack: "all", data: s.data };
        })
      });
      box.dataset.rendered = "1";
    });
  }
  function worldMap(box) {
    Promise.all([get(box.dataset.atlas), get(box.dataset.src)]).then(function (both) {
      var world = topojson.feature(both[0], both[0].objects.countries);
      echarts.registerMap("world", world);
      var byNumeric = {}, max = 1;
      both[1].countries.forEach(function (c) { byNumeric[c.numeric] = c; max = Math.max(max, c.n); });
      var data = world.features.map(function (f) {
        var c = byNumeric[f.id];
        return { name: f.properties.name, value: c ? c.n : 0, code: c ? c.code : "" };
      });
      var chart = echarts.init(box);
      chart.on("click", function (p) {
        if (p.data && p.data.code) window.location.href = listOf(box, { country: p.data.code });
      });
      chart.setOption({
        tooltip: { trigger: "item" },
        visualMap: { min: 0, max: max, left: 10, bottom: 10, calculable: true, inRange: { color: ["#eef3f8", "#0b5cad"] } },
        series: [{ type: "map", map: "world", roam: true, data: data, emphasis: { label: { show: false } } }]
      });
      box.dataset.rendered = String(world.features.length);
    });
  }
  function sankey(box) {
    get(box.dataset.src).then(function (m) {
      var links = m.flows[box.dataset.measure] || [];
      if (!links.length) { box.hidden = true; return; }
      var names = {};
      links.forEach(function (l) { names[l.source] = 1; names[l.target] = 1; });
      var chart = echarts.init(box);
      chart.setOption({
        tooltip: { trigger: "item" },
        series: [{ type: "sankey", label: { formatter: function (p) { return p.name.slice(2); } }, data: Object.keys(names).map(function (n) { return { name: n }; }), links: links, emphasis: { focus: "adjacency" } }]
      });
      box.dataset.rendered = "1";
    });
  }
  document.querySelectorAll("[data-chart=stacked]").forEach(stacked);
  var map = document.getElementById("map");
  if (map) worldMap(map);
  document.querySelectorAll(".sankey[data-measure]").forEach(sankey);
})();
