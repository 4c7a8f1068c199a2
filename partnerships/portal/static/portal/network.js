// Draws a partnership graph (cytoscape) in every .graph element from its data-src
// JSON: nodes are organisations, edges shared engagements; a click opens a profile.
// Each category keeps its colour on every page (its place in the list of categories,
// #category-labels); a legend under the graph names the categories drawn. Only the
// heaviest nodes carry a label, so that labels do not cover each other.
(function () {
  "use strict";
  var colours = ["#0468b1", "#b5179e", "#1b7f6e", "#c2410c", "#6a4c93", "#7a6100", "#3d5a80", "#c1121f", "#4d7c0f", "#55606e", "#0e7490", "#9d174d"];
  var labelsElement = document.getElementById("category-labels");
  var labels = labelsElement ? JSON.parse(labelsElement.textContent) : {};
  var order = Object.keys(labels);
  var LABELLED = window.matchMedia("(max-width: 50rem)").matches ? 8 : 18;
  var OTHER = "#8c959f";
  // The categories present, in the order of the list of categories: the first
  // eleven take a colour each, the rest share grey as "Others" (more colours than
  // that cannot be told apart).
  function palette(nodes) {
    var present = {};
    nodes.forEach(function (n) { present[n.category] = true; });
    var ranked = order.filter(function (c) { return present[c]; })
      .concat(Object.keys(present).filter(function (c) { return order.indexOf(c) < 0; }));
    var known = {};
    ranked.forEach(function (c, i) { known[c] = i < colours.length - 1 ? colours[i] : OTHER; });
    return known;
  }
  function legend(box, known, othersLabel) {
    var list = document.createElement("ul"), others = false;
    list.className = "legend";
    Object.keys(known).forEach(function (c) {
      if (known[c] === OTHER) { others = true; return; }
      list.appendChild(entry(known[c], labels[c] || c));
    });
    if (others) list.appendChild(entry(OTHER, othersLabel));
    box.insertAdjacentElement("afterend", list);
  }
  function entry(colour, text) {
    var item = document.createElement("li"), swatch = document.createElement("span");
    swatch.className = "swatch";
    swatch.style.background = colour;
    item.appendChild(swatch);
    item.appendChild(document.createTextNode(text));
    return item;
  }
  function nameOf(node, lang) {
    // The reader's language, else English, else any language the name has.
    var any = Object.keys(node.names).map(function (k) { return node.names[k]; });
    return node.names[lang] || node.names.en || any[0] || node.key;
  }
  function draw(box) {
    var lang = (document.documentElement.lang || "en").slice(0, 2);
    fetch(box.dataset.src, { credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        var known = palette(data.nodes), max = 1;
        data.nodes.forEach(function (n) { max = Math.max(max, n.weight); });
        var heaviest = data.nodes.slice().sort(function (a, b) { return b.weight - a.weight; })
          .slice(0, LABELLED).map(function (n) { return String(n.id); });
        var elements = data.nodes.map(function (n) {
          var id = String(n.id);
          var shown = heaviest.indexOf(id) >= 0 || id === box.dataset.center;
          return { data: { id: id, key: n.key, label: shown ? nameOf(n, lang) : "", name: nameOf(n, lang),
            colour: known[n.category], size: 14 + 36 * n.weight / max,
            center: String(n.id) === box.dataset.center ? 1 : 0 } };
        }).concat(data.edges.map(function (e) {
          return { data: { id: e.source + "-" + e.target, source: String(e.source),
            target: String(e.target), weight: e.weight } };
        }));
        var cy = cytoscape({
          container: box,
          elements: elements,
          // Spread over the box's own width and height, with room for each node's
          // label, so that the labels of the heaviest nodes do not cover each other.
          layout: { name: "cose", animate: false, randomize: false, padding: 8,
            nodeDimensionsIncludeLabels: true, componentSpacing: 40,
            boundingBox: { x1: 0, y1: 0, w: box.clientWidth, h: box.clientHeight } },
          style: [
            { selector: "node", style: { "background-color": "data(colour)", width: "data(size)", height: "data(size)", label: "data(label)", "font-size": 11, color: "#000", "text-wrap": "ellipsis", "text-max-width": 140, "text-background-color": "#fff", "text-background-opacity": 0.8, "text-background-padding": 1, "min-zoomed-font-size": 7 } },
            { selector: "node:active, node.hover", style: { label: "data(name)", "z-index": 10 } },
            { selector: "node[center = 1]", style: { "border-width": 3, "border-color": "#1b1f24" } },
            { selector: "edge", style: { width: "mapData(weight, 1, 10, 1, 6)", "line-color": "#9aa5b1", opacity: 0.6 } }
          ]
        });
        cy.on("mouseover", "node", function (evt) { evt.target.addClass("hover"); });
        cy.on("mouseout", "node", function (evt) { evt.target.removeClass("hover"); });
        legend(box, known, box.dataset.others || "Others");
        cy.on("tap", "node", function (evt) {
          window.location.href = "/organisations/" + encodeURIComponent(evt.target.data("key")) + "/";
        });
        box.dataset.rendered = String(cy.nodes().length);
      });
  }
  document.querySelectorAll(".graph[data-src]").forEach(draw);
})();
