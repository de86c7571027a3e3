/// The upload page's style sheet and its one small script — NHS-style clarity: large
/// labels, hints under them, a red bar beside a field with a problem, a visible focus ring.
enum UploadPageStyle {
    static let css: StaticString = """
    :root { --text: #212b32; --muted: #4c6272; --blue: #005eb8; --dark-blue: #003087; --red: #d5281b;
      --green: #007f3b; --border: #4c6272; --panel: #f0f4f5; --focus: #ffeb3b; }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
    body { margin: 0; font-family: Arial, Helvetica, sans-serif; font-size: 19px; line-height: 1.47;
      color: var(--text); background: #f0f4f5; }
    .width { max-width: 960px; margin: 0 auto; padding: 0 16px; }
    .skip-link { position: absolute; left: -9999px; }
    .skip-link:focus { left: 16px; top: 8px; background: var(--focus); color: var(--text); padding: 8px; z-index: 2; }
    .banner { background: var(--blue); color: #ffffff; padding: 14px 0; }
    .brand { font-weight: bold; font-size: 1.3rem; margin-right: 12px; }
    .service { font-size: 1rem; }
    main { background: #ffffff; padding-top: 24px; padding-bottom: 32px; }
    h1 { font-size: 2rem; line-height: 1.2; margin: 8px 0 16px; }
    .lead { font-size: 1.15rem; }
    .inset { border-left: 8px solid var(--blue); background: var(--panel); padding: 12px 16px; margin: 16px 0 24px; }
    a { color: var(--blue); }
    a:visited { color: #330072; }
    a:focus, input:focus, select:focus, button:focus, summary:focus { outline: 4px solid var(--focus); outline-offset: 0;
      box-shadow: 0 0 0 2px var(--text); }
    details.options { margin: 8px 0 0; border-left: 4px solid #d8dde0; padding: 4px 0 4px 16px; }
    details.options > summary { color: var(--blue); cursor: pointer; font-weight: bold; padding: 4px 0; }
    details.options > summary:hover { color: var(--dark-blue); }
    .options-body .fieldset:first-child { margin-top: 16px; }
    .fieldset { border: 0; padding: 0; margin: 32px 0 8px; min-width: 0; }
    .fieldset > legend { font-size: 1.4rem; font-weight: bold; margin-bottom: 12px; padding: 0; }
    fieldset.inner { border: 0; padding: 0; margin: 0; }
    .form-group { margin-bottom: 24px; }
    .form-group-error { border-left: 4px solid var(--red); padding-left: 14px; }
    .label, .inner > legend { display: block; font-weight: bold; margin-bottom: 4px; padding: 0; }
    .hint { color: var(--muted); margin-bottom: 8px; }
    .error-message { color: var(--red); font-weight: bold; margin: 0 0 8px; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    input[type=text], .select { font: inherit; font-size: 1rem; border: 2px solid var(--border); border-radius: 0;
      padding: 6px 8px; background: #ffffff; color: var(--text); max-width: 100%; }
    .form-group-error input[type=text], .form-group-error .select { border-color: var(--red); }
    .width-4 { width: 6em; } .width-10 { width: 11em; } .width-20 { width: 22em; } .width-full { width: 100%; }
    .select { min-width: 22em; }
    .drop-zone .file-input { font: inherit; font-size: 1rem; display: block; padding: 8px; border: 2px dashed var(--border);
      background: #ffffff; width: 100%; }
    .drop-zone.dragging .file-input { border-color: var(--blue); background: #e8f1fa; }
    .drop-note { margin: 4px 0 0; color: var(--muted); }
    .radio { display: flex; align-items: flex-start; gap: 10px; margin: 8px 0; }
    .radio input { width: 28px; height: 28px; margin: 0; flex: none; accent-color: var(--blue); }
    .radio label { padding-top: 1px; }
    .button { font: inherit; font-weight: bold; color: #ffffff; background: var(--green); border: 0; border-radius: 4px;
      box-shadow: 0 4px 0 #00401e; padding: 12px 20px; margin: 16px 0 8px; cursor: pointer; }
    .button:hover { background: #00662f; }
    .button[disabled] { opacity: 0.6; cursor: progress; }
    .error-summary { border: 4px solid var(--red); padding: 16px 20px; margin-bottom: 24px; }
    .error-summary:focus { outline: 4px solid var(--focus); }
    .error-summary h2 { font-size: 1.4rem; margin: 0 0 8px; }
    .error-list { padding-left: 20px; margin: 8px 0; }
    .error-list li { margin-bottom: 6px; }
    .error-list a { color: var(--red); font-weight: bold; overflow-wrap: anywhere; }
    .error-list .place { font-family: Consolas, Menlo, monospace; font-weight: normal; color: var(--text); }
    .muted { color: var(--muted); font-size: 1rem; }
    details.scripts { margin-top: 40px; border-top: 1px solid #d8dde0; padding-top: 16px; font-size: 1rem; }
    details.scripts summary { color: var(--blue); cursor: pointer; }
    pre { background: var(--panel); padding: 8px 12px; overflow-x: auto; font-size: 0.9rem; }
    footer { color: var(--muted); font-size: 0.9rem; padding: 16px; }
    @media (max-width: 640px) { body { font-size: 16px; } h1 { font-size: 1.6rem; } .select { min-width: 0; width: 100%; } }

    """

    /// Progressive enhancement only: drop a file anywhere on its field, and a "working"
    /// note while the report is made. The form works the same without it.
    static let script: StaticString = """
    (function () {
      var summary = document.querySelector('.error-summary');
      if (summary) { summary.focus(); }
      document.querySelectorAll('.drop-zone').forEach(function (zone) {
        var input = zone.querySelector('input[type=file]');
        var note = zone.querySelector('.drop-note');
        if (!input || !window.DataTransfer) { return; }
        if (note) { note.hidden = false; }
        ['dragenter', 'dragover'].forEach(function (name) {
          zone.addEventListener(name, function (event) { event.preventDefault(); zone.classList.add('dragging'); });
        });
        ['dragleave', 'drop'].forEach(function (name) {
          zone.addEventListener(name, function () { zone.classList.remove('dragging'); });
        });
        zone.addEventListener('drop', function (event) {
          event.preventDefault();
          if (event.dataTransfer && event.dataTransfer.files.length > 0) {
            var transfer = new DataTransfer();
            transfer.items.add(event.dataTransfer.files[0]);
            input.files = transfer.files;
            if (note) { note.textContent = 'Chosen: ' + event.dataTransfer.files[0].name; }
          }
        });
      });
      var form = document.getElementById('upload-form');
      var button = document.getElementById('submit');
      var working = document.getElementById('working');
      if (form && button && working) {
        form.addEventListener('submit', function () {
          working.textContent = 'Making the report… this takes a few seconds for a large file.';
          setTimeout(function () { button.disabled = true; }, 0);
        });
        window.addEventListener('pageshow', function () { button.disabled = false; working.textContent = ''; });
      }
    })();

    """
}
