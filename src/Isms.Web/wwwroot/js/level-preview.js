// The live level preview of the incident grading form (progressive enhancement: without this
// script the "Preview level" button asks the server for the same answer).
// As the impact rows change, they are posted to the level-preview API, same origin, with the
// session cookie (SameSite=Strict; JSON bodies need no antiforgery token), and the answer is
// written into the form's aria-live region. A refused row shows the message beside its field.
"use strict";

(function () {
  const form = document.querySelector("form[data-level-preview]");
  if (!form) {
    return;
  }

  const output = document.getElementById("level-preview");
  const rows = Array.from(form.querySelectorAll("[data-impact-row]"));
  let timer = 0;
  let sent = 0;

  function field(row, name) {
    return row.querySelector("[data-impact='" + name + "']");
  }

  function filledRows() {
    return rows.filter(function (row) {
      return field(row, "aspect").value || field(row, "scope").value || field(row, "severity").value;
    });
  }

  function impact(row) {
    const aspect = field(row, "aspect").value;
    const result = {
      aspect: aspect || null,
      scope: field(row, "scope").value || null,
      criticalInfrastructure: field(row, "criticalInfrastructure").checked,
    };
    if (aspect === "Availability") {
      result.restoredWithinTolerableTime = field(row, "restoredWithinTolerableTime").checked;
    } else {
      result.severity = field(row, "severity").value || null;
    }
    return result;
  }

  function clearMessages() {
    form.querySelectorAll("[data-live-error]").forEach(function (span) {
      span.textContent = "";
      span.className = "field-validation-valid";
      span.removeAttribute("data-live-error");
    });
  }

  function show(level, major, reasons) {
    const strong = document.createElement("strong");
    strong.textContent = (major ? output.dataset.major : output.dataset.level).replace("{0}", level);
    const list = document.createElement("ul");
    reasons.forEach(function (reason) {
      const item = document.createElement("li");
      item.textContent = reason;
      list.appendChild(item);
    });
    output.replaceChildren(strong, list);
  }

  // "Impacts[1].Scope" names the second filled row; its message goes beside that field and, with
  // the row's name, into the live region.
  function refuse(errors, filled) {
    const messages = [];
    Object.keys(errors).forEach(function (key) {
      const match = /^impacts\[(\d+)\]\.(\w+)$/i.exec(key);
      const row = match ? filled[Number(match[1])] : null;
      const text = errors[key].join(" ");
      if (row) {
        const name = "Grade.Impacts[" + rows.indexOf(row) + "]." + match[2].charAt(0).toUpperCase() + match[2].slice(1);
        const span = form.querySelector("[data-valmsg-for='" + name + "']");
        if (span) {
          span.textContent = text;
          span.className = "field-validation-error";
          span.setAttribute("data-live-error", "");
        }
        messages.push(output.dataset.row.replace("{0}", rows.indexOf(row) + 1) + ": " + text);
      } else {
        messages.push(text);
      }
    });
    const paragraph = document.createElement("p");
    paragraph.className = "error";
    paragraph.textContent = messages.join(" ");
    output.replaceChildren(paragraph);
  }

  async function preview() {
    const filled = filledRows();
    const mine = ++sent;
    clearMessages();
    if (filled.length === 0) {
      output.replaceChildren();
      return;
    }

    try {
      const response = await fetch(form.dataset.levelPreview, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "Accept": "application/json" },
        body: JSON.stringify({ impacts: filled.map(impact) }),
      });
      if (mine !== sent) {
        return; // a newer change is on its way
      }
      const body = await response.json();
      if (response.ok) {
        show(body.level, body.major, body.reasons || []);
      } else if (response.status === 400 && body.errors) {
        refuse(body.errors, filled);
      }
    } catch (ignored) {
      // Offline or signed out: the "Preview level" button still asks the server.
    }
  }

  form.addEventListener("change", function (event) {
    if (event.target.closest("[data-impact-row]")) {
      window.clearTimeout(timer);
      timer = window.setTimeout(preview, 150);
    }
  });
})();
