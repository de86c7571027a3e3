/// The report's one style sheet: system fonts only (nothing to download), charts that
/// scale to the page from a phone to a wide screen, and a print layout for A4 — one ward
/// per page, nothing cut across pages, navigation left out.
enum ReportStyle {
    static let css: StaticString = """
    :root { --text: #212b32; --muted: #4c6272; --rule: #d8dde0; --panel: #f0f4f5; --blue: #005eb8;
      --improvement: #00b0f0; --concern: #e46c0a; --neutral: #490092; --common: #a6a6a6; }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
    body { margin: 0; font-family: 'Liberation Sans', Arial, Helvetica, sans-serif; font-size: 16px; line-height: 1.45;
      color: var(--text); background: #ffffff; }
    .page { max-width: 1240px; margin: 0 auto; padding: 0 16px 32px; }
    header.report-header { border-bottom: 4px solid var(--blue); padding: 20px 0 12px; margin-bottom: 8px; }
    h1 { font-size: 1.75rem; margin: 0 0 4px; line-height: 1.2; }
    h2 { font-size: 1.4rem; margin: 32px 0 8px; padding-top: 8px; border-top: 1px solid var(--rule); }
    h3 { font-size: 1.15rem; margin: 24px 0 8px; }
    p { margin: 6px 0; }
    .meta, .muted { color: var(--muted); font-size: 0.9rem; }
    nav.contents { font-size: 0.9rem; margin: 8px 0 0; }
    nav.contents ul { list-style: none; padding: 0; margin: 4px 0; display: flex; flex-wrap: wrap; gap: 4px 14px; }
    nav.contents ul ul { display: inline-flex; margin-left: 6px; gap: 2px 10px; }
    a { color: var(--blue); }
    .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 260px), 1fr)); gap: 12px; }
    .card { background: var(--panel); border-left: 6px solid var(--blue); padding: 10px 14px; }
    .card h3 { margin: 2px 0 4px; }
    .card .big { font-size: 1.9rem; font-weight: bold; line-height: 1.1; }
    .card.meets, .card.exceeds, .card.below, .card.significant_reduction { border-left-color: var(--improvement); }
    .card.significant_increase { border-left-color: var(--concern); }
    .card.no_clear_change, .card.insufficient_data, .card.none { border-left-color: var(--common); }
    .table-wrap { overflow-x: auto; -webkit-overflow-scrolling: touch; }
    table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
    th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--rule); vertical-align: middle; }
    th { background: var(--panel); font-weight: bold; }
    td.number, th.number { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
    td.icons { white-space: nowrap; }
    svg.icon { vertical-align: middle; }
    tr.concern td:first-child { box-shadow: inset 4px 0 0 var(--concern); }
    tr.improvement td:first-child { box-shadow: inset 4px 0 0 var(--improvement); }
    tr.neutral td:first-child { box-shadow: inset 4px 0 0 var(--neutral); }
    .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 500px), 1fr)); gap: 16px 20px; }
    figure { margin: 0; }
    figure svg { display: block; width: 100%; height: auto; }
    figcaption { font-size: 0.92rem; margin-top: 2px; }
    figcaption .note { color: var(--muted); font-size: 0.85rem; }
    figure.wide { margin: 12px 0 24px; overflow-x: auto; -webkit-overflow-scrolling: touch; }
    figure.wide svg { min-width: 720px; }
    main > section:first-child h2 { border-top: none; margin-top: 16px; }
    .key { display: flex; flex-wrap: wrap; gap: 6px 18px; align-items: center; font-size: 0.9rem; margin: 8px 0; }
    .key span { display: inline-flex; align-items: center; gap: 6px; }
    ul.notes { padding-left: 20px; font-size: 0.9rem; }
    figure.wide svg.rate-ratio-plot { max-width: 960px; }
    p.callout { background: var(--panel); border-left: 6px solid var(--concern); padding: 8px 12px; margin: 8px 0; }
    tr.prone td { font-weight: bold; }
    tr.prone td:first-child { box-shadow: inset 4px 0 0 var(--concern); }
    dl.methods dt { font-weight: bold; margin-top: 10px; }
    dl.methods dd { margin: 2px 0 0 0; }
    figure.grid { margin: 12px 0 28px; }
    .grid-head h3 { margin: 0; font-size: 1.05rem; }
    .grid-head p { margin: 2px 0 8px; }
    .panels { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 230px), 1fr)); gap: 10px 14px; }
    .panels svg { display: block; width: 100%; height: auto; }
    details.summary-rest { margin: 10px 0 0; }
    details.summary-rest > summary { cursor: pointer; font-weight: bold; padding: 6px 0; color: var(--blue); }
    .point-tip { position: fixed; z-index: 10; max-width: 300px; padding: 6px 9px; border-radius: 4px; background: #212b32; color: #ffffff; font-size: 0.85rem; line-height: 1.35; white-space: pre-line; pointer-events: none; unicode-bidi: isolate; box-shadow: 0 2px 6px rgba(0, 0, 0, 0.25); }
    .point-focus { fill: none; stroke: #212b32; stroke-width: 1.5; pointer-events: none; }
    footer { margin-top: 32px; padding-top: 8px; border-top: 1px solid var(--rule); color: var(--muted); font-size: 0.85rem; }
    @media (max-width: 600px) {
      table.reflow thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
      table.reflow, table.reflow tbody, table.reflow tr { display: block; width: 100%; }
      table.reflow tr { padding: 6px 4px; border-bottom: 1px solid var(--rule); }
      table.reflow td { display: block; padding: 1px 0; border: none; text-align: left; }
      table.reflow td[data-label]::before { content: attr(data-label) ": "; color: var(--muted); }
      figure.wide svg { min-width: 0; }
      table.icon-summary thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
      table.icon-summary, table.icon-summary tbody { display: block; width: 100%; }
      table.icon-summary tr { display: flex; flex-wrap: wrap; gap: 2px 10px; padding: 6px 4px 6px 10px; border-bottom: 1px solid var(--rule); }
      table.icon-summary td { display: block; padding: 0; border: none; text-align: left; }
      table.icon-summary td:first-child { box-shadow: none; }
      table.icon-summary tr.concern { box-shadow: inset 4px 0 0 var(--concern); }
      table.icon-summary tr.improvement { box-shadow: inset 4px 0 0 var(--improvement); }
      table.icon-summary tr.neutral { box-shadow: inset 4px 0 0 var(--neutral); }
      table.icon-summary td:nth-child(3) { flex-basis: 100%; }
      table.icon-summary td[data-label] { flex-basis: 100%; }
      table.icon-summary td.number[data-label] { flex-basis: auto; }
      table.icon-summary td[data-label]::before { content: attr(data-label) ": "; color: var(--muted); }
      table.icon-summary td.icons[data-label]::before { content: ""; }
      body { font-size: 15px; }
      h1 { font-size: 1.4rem; }
      .page { padding: 0 10px 24px; }
      th, td { padding: 3px 5px; }
      .hide-narrow { display: none; }
    }
    @page { size: A4; margin: 14mm 12mm; }
    @media print {
      .point-tip, .point-focus { display: none !important; }
      figure.grid { break-inside: auto; }
      .panels { grid-template-columns: repeat(4, 1fr); gap: 2mm 4mm; }
      .panels svg { break-inside: avoid; }
      body { font-size: 10pt; }
      h1 { font-size: 18pt; }
      h2 { font-size: 14pt; margin: 0 0 3mm; }
      h3 { font-size: 11.5pt; margin: 3mm 0 2mm; }
      figcaption { font-size: 8.5pt; line-height: 1.3; }
      figcaption .note { font-size: 7.5pt; }
      .page { max-width: none; padding: 0; }
      nav.contents { display: none; }
      a { color: inherit; text-decoration: none; }
      h2 { break-after: avoid; }
      h3 { break-after: avoid; }
      section.trust, section.data-quality, section.methods, section.overview { break-before: page; }
      section.ward { break-before: page; }
      .charts { grid-template-columns: 1fr 1fr; gap: 3mm 6mm; }
      figure { break-inside: avoid; }
      tr { break-inside: avoid; }
      .table-wrap { overflow: visible; }
      .hide-narrow { display: table-cell; }
      figure.wide { overflow: visible; }
      figure.wide svg { min-width: 0; }
    }
    """
}
