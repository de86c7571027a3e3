/// The report page's one script: the hover figures of its charts' points.
///
/// It opens the page's `PointFigures` (a base64, raw-DEFLATE JSON data block), and over a
/// chart shows the figures of the point nearest the pointer (within 15 units across and
/// 40 up or down, in the chart's 480 × 300 drawing), with a ring on its mark; a touch
/// shows them until the next touch elsewhere. It writes text only (`textContent`), reads
/// nothing else and loads nothing. Browsers without `DecompressionStream` (before 2023)
/// or with scripts off get the same charts without the hover figures.
public enum ReportScript {
    /// The data block and the script, before `</body>`; nothing when no chart has points.
    static func write(_ figures: PointFigures, into html: inout MarkupWriter) {
        guard !figures.isEmpty, let encoded = try? figures.encoded(), !encoded.isEmpty else { return }
        html.fixed("\n<script type=\"text/plain\" id=\"point-figures\">")
        // Base64: letters, digits, + / and =, so nothing here can end the element early.
        html.text(encoded)
        // The element's text is exactly `source`: what a policy's hash is of.
        html.fixed("</script>\n<script>")
        html.fixed(source)
        html.fixed("</script>")
    }

    /// The script's text, byte for byte as written into the page (a server's
    /// Content-Security-Policy allows it by its SHA-256).
    public static var text: String { source.description }

    static let source: StaticString = """
    (function () {
      "use strict";
      var block = document.getElementById("point-figures");
      if (!block || !window.DecompressionStream || !window.DOMPoint) return;
      var raw = atob(block.textContent.trim()), bytes = new Uint8Array(raw.length);
      for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
      var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
      new Response(stream).text().then(function (text) {
        var charts = JSON.parse(text), shown = null;
        var tip = document.createElement("div");
        tip.className = "point-tip";
        tip.setAttribute("role", "tooltip");
        tip.hidden = true;
        document.body.appendChild(tip);
        function hide() {
          tip.hidden = true;
          if (shown) shown.style.display = "none";
          shown = null;
        }
        document.addEventListener("pointerdown", function (event) {
          if (!(event.target.closest && event.target.closest("svg[data-figures]"))) hide();
        });
        window.addEventListener("scroll", hide, { passive: true });
        document.querySelectorAll("svg[data-figures]").forEach(function (svg) {
          var figures = charts[Number(svg.getAttribute("data-figures"))];
          if (!figures || !figures.x.length) return;
          var ring = document.createElementNS(svg.namespaceURI, "circle");
          ring.setAttribute("class", "point-focus");
          ring.setAttribute("r", "5.5");
          ring.style.display = "none";
          svg.appendChild(ring);
          function show(event) {
            var matrix = svg.getScreenCTM();
            if (!matrix) return;
            var at = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
            var x = at.x * 10, y = at.y * 10, low = 0, high = figures.x.length - 1;
            while (low < high) {
              var middle = (low + high) >> 1;
              if (figures.x[middle] < x) low = middle + 1; else high = middle;
            }
            if (low > 0 && x - figures.x[low - 1] < figures.x[low] - x) low -= 1;
            if (Math.abs(figures.x[low] - x) > 150 || Math.abs(figures.y[low] - y) > 400) { hide(); return; }
            if (shown && shown !== ring) shown.style.display = "none";
            ring.setAttribute("cx", figures.x[low] / 10);
            ring.setAttribute("cy", figures.y[low] / 10);
            ring.style.display = "";
            shown = ring;
            tip.textContent = figures.t[low];
            tip.hidden = false;
            var left = event.clientX + 14, top = event.clientY + 14;
            if (left + tip.offsetWidth > window.innerWidth - 8) left = Math.max(8, event.clientX - tip.offsetWidth - 14);
            if (top + tip.offsetHeight > window.innerHeight - 8) top = Math.max(8, event.clientY - tip.offsetHeight - 14);
            tip.style.left = left + "px";
            tip.style.top = top + "px";
          }
          svg.addEventListener("pointermove", show);
          svg.addEventListener("pointerdown", show);
          svg.addEventListener("pointerleave", function (event) { if (event.pointerType !== "touch") hide(); });
        });
      });
    })();

    """
}
