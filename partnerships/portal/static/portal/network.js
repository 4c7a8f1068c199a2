// Draws a partnership graph (cytoscape) in every .graph element from its data-src
// JSON: nodes are organisations, edges shared engagements; a click opens a profile.
(function () {
  "use strict";
  var colours = ["#0b5cad", "#b5179e", "#2a9d8f", "#e76f51", "#6a4c93", "#8a6d00", "#3d5a80", "#c1121f"];
  function colourOf(category, known) {
    if (!(category in known)) known[category] = colours[Object.keys(known).length % colours.length];
    return known[category];
  }
  function nameOf(node, lang) {
    return (lang === "zh" && node.names.zh) || node.names.en || node.names.zh || node.key;
  }
  function draw(box) {
    var lang = (document.documentElement.lang || "en").slice(0, 2);
    fetch(box.dataset.src, { credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        var known = {}, max = 1;
        data.nodes.forEach(function (n) { max = Math.max(max, n.weight); });
        var elements = data.nodes.map(function (n) {
          return { data: { id: String(n.id), key: n.key, label: nameOf(n, lang),
            colour: colourOf(n.category, known), size: 14 + 36 * n.weight / max,
            center: String(n.id) === box.dataset.center ? 1 : 0 } };
        }).concat(data.edges.map(function (e) {
          return { data: { id: e.source + "-" + e.target, source: String(e.source),
            target: String(e.target), weight: e.weight } };
        }));
        var cy = cytoscape({
          container: box,
          elements: elements,
          layout: { name: "cose", animate: false, randomize: false },
          style: [
            { selector: "node", style: { "background-color": "data(colour)", width: "data(size)", height: "data(size)", label: "data(label)", "font-size": 9, "text-wrap": "ellipsis", "text-max-width": 120 } },
            { selector: "node[center = 1]", style: { "border-width": 3, "border-color": "#1b1f24" } },
            { selector: "edge", style: { width: "mapData(weight, 1, 10, 1, 6)", "line-color": "#9aa5b1", opacity: 0.6 } }
          ]
        });
        cy.on("tap", "node", function (evt) {
          window.location.href = "/organisations/" + encodeURIComponent(evt.target.data("key")) + "/";
        });
        box.dataset.rendered = String(cy.nodes().length);
      });
  }
  document.querySelectorAll(".graph[data-src]").forEach(draw);
})();
