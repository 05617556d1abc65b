package dev.heredity.audit.report.html;

/**
 * The page's inline stylesheet: system fonts only, so nothing is fetched; colours come from {@link
 * Palette}.
 */
final class HtmlStyle {
  private HtmlStyle() {}

  /** Added only to stamped reports, so unstamped pages keep their bytes. */
  static final String STAMP_CSS =
      """
      dl.stamp { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; font-size: 12.5px;
        margin: 8px 0; color: var(--muted); }
      dl.stamp dt { font-weight: 600; } dl.stamp dd { margin: 0; min-width: 0; }
      dl.stamp code { overflow-wrap: anywhere; }
      """;

  static final String CSS =
      Palette.cssVariables()
          + """
      * { box-sizing: border-box; }
      body { margin: 0; background: var(--bg); color: var(--ink);
        font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", Arial, sans-serif; }
      main { max-width: 1240px; margin: 0 auto; padding: 24px 28px 40px; }
      h1 { font-size: 26px; margin: 0 0 4px; }
      h2 { font-size: 19px; margin: 30px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
      h3 { font-size: 15px; margin: 6px 0; }
      code { font: 12.5px/1.3 "DejaVu Sans Mono", Menlo, Consolas, monospace; background: #eef2f7;
        padding: 1px 4px; border-radius: 3px; overflow-wrap: break-word; }
      .muted { color: var(--muted); }
      .gate { margin: 6px 0 2px; font-weight: 600; }
      .override { color: var(--medium); font-size: 12.5px; font-weight: 600; }
      nav { display: flex; gap: 16px; flex-wrap: wrap; font-size: 13px; margin-top: 6px; }
      a { color: #1d4ed8; text-decoration: none; }
      a:hover { text-decoration: underline; }
      tr:target { outline: 2px solid #93c5fd; }
      .verdict { font-size: 13px; vertical-align: middle; padding: 3px 10px; border-radius: 12px; color: #fff; }
      .verdict.fail { background: var(--high); }
      .verdict.pass { background: var(--pass); }
      .cards { display: flex; flex-wrap: wrap; gap: 12px; }
      .card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 10px 16px;
        min-width: 140px; }
      .card .value { font-size: 26px; font-weight: 700; }
      .card .label { color: var(--muted); font-size: 12.5px; }
      .card.fail { border-color: var(--high); } .card.fail .value { color: var(--high); }
      .card.pass .value { color: var(--pass); }
      .sevcounts { margin-top: 12px; display: flex; gap: 18px; flex-wrap: wrap; }
      .sevcount.zero { opacity: 0.45; }
      .sev { display: inline-block; min-width: 58px; text-align: center; font-size: 11.5px; font-weight: 700;
        text-transform: uppercase; letter-spacing: 0.03em; padding: 1px 6px; border-radius: 4px; color: #fff; }
      .sev-critical { background: var(--critical); } .sev-high { background: var(--high); }
      .sev-medium { background: var(--medium); } .sev-low { background: var(--low); }
      .sev-info { background: var(--info); } .sev-none { background: #cbd5e1; color: var(--ink); }
      .legend { color: var(--muted); font-size: 13px; }
      .legend .sev { min-width: 0; }
      .shape { display: inline-block; width: 22px; height: 13px; vertical-align: middle; border: 1.5px solid #64748b; }
      .shape.model { background: #eff6ff; border-radius: 4px; }
      .shape.dataset { background: #fefce8; border-radius: 50% / 28%; }
      .shape.training { background: #f5f3ff; clip-path: polygon(25% 0, 75% 0, 100% 50%, 75% 100%, 25% 100%, 0 50%);
        border: none; background: #c4b5fd; }
      .shape.origin { background: #fff; border: 3px solid #7c3aed; border-radius: 5px; }
      .shape.unattributed { background: #fefce8; border: 1.5px dashed #64748b; border-radius: 50% / 28%; }
      .graph { background: #fff; border: 1px solid var(--line); border-radius: 8px; overflow-x: auto; padding: 6px; }
      .graph svg.lineage { display: block; max-width: 100%; height: auto; margin: 0 auto; }
      td code { white-space: nowrap; }
      td.loc code { white-space: normal; overflow-wrap: normal; }
      td.num, td.nowrap, .status { white-space: nowrap; }
      svg text { font-family: "DejaVu Sans", Arial, sans-serif; }
      .lineage .node-label { font: 600 12px "DejaVu Sans Mono", Menlo, Consolas, monospace; text-anchor: middle;
        fill: var(--ink); }
      .lineage .node-kind { font-size: 10px; text-anchor: middle; fill: var(--muted); }
      .lineage .edge-label { font-size: 10px; text-anchor: middle; }
      table { width: 100%; border-collapse: collapse; background: #fff; border: 1px solid var(--line); }
      th, td { text-align: left; vertical-align: top; padding: 7px 10px; border-bottom: 1px solid var(--line); }
      th { background: #f1f5f9; font-size: 12.5px; color: #334155; }
      table.compact td, table.compact th { padding: 4px 8px; font-size: 13px; }
      td.path { font-size: 12.5px; color: var(--muted); }
      .findings .title { font-weight: 600; }
      .findings .meta { font-size: 12px; color: var(--muted); margin-top: 2px; }
      .findings p { margin: 6px 0; }
      .evidence { margin: 4px 0 0; padding-left: 18px; font-size: 13px; }
      tr.status-suppressed, tr.status-baseline { opacity: 0.7; }
      .status { font-size: 12px; font-weight: 600; padding: 1px 6px; border-radius: 4px; background: #e2e8f0; }
      .status.failing { background: #fee2e2; color: #991b1b; }
      .status.suppressed, .status.baseline { background: #f1f5f9; color: var(--muted); }
      .detection { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px;
        margin-bottom: 16px; }
      .detection .verdict { font-size: 12px; }
      .charts { display: flex; flex-wrap: wrap; gap: 18px; align-items: flex-start; }
      figure { margin: 8px 0; }
      figcaption { font-size: 12px; color: var(--muted); max-width: 560px; }
      .chart .tick { font-size: 10px; fill: var(--muted); }
      .chart .tick.strong { fill: var(--ink); font-weight: 700; }
      .chart .axis { font-size: 11px; fill: var(--muted); }
      .chart .bar-label { font-size: 11.5px; fill: var(--ink); }
      .chart .bar-value { font-size: 11px; fill: var(--ink); }
      .notes { font-size: 13px; color: #334155; }
      .tag { font-size: 12px; font-weight: 600; padding: 2px 8px; border-radius: 10px; }
      .tag.run { background: #dcfce7; color: #166534; }
      .tag.cited { background: #fef3c7; color: #92400e; }
      footer { margin-top: 36px; color: var(--muted); font-size: 12px; }
      .scroll { overflow-x: auto; max-width: 100%; }
      a[href^="#clause-"] { white-space: nowrap; }
      .charts > figure, .detection { min-width: 0; max-width: 100%; }
      svg.chart { max-width: 100%; height: auto; }
      @media (max-width: 700px) {
        main { padding: 14px 12px 28px; }
        h1 { font-size: 21px; }
        .card { min-width: 0; flex: 1 1 40%; }
        .detection { padding: 10px; }
        .graph svg.lineage { min-width: var(--narrow-min-width, 0); }
      }
      @media print {
        body { background: #fff; font-size: 11.5px; }
        main { max-width: none; padding: 0; }
        nav { display: none; }
        .graph { overflow: visible; border: none; padding: 0; }
        .graph svg.lineage { min-width: 0 !important; max-width: 100%; }
        .scroll { overflow: visible; }
        td code { white-space: normal; overflow-wrap: anywhere; }
        tr, figure, .card, .sevcount { break-inside: avoid; }
        h2, h3 { break-after: avoid; }
        a { color: inherit; }
      }
      """;
}
