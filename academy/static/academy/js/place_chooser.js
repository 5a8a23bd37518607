// Sign-up's "Where do you live?": choosing a place shows the next list at once (without
// JavaScript, the button does the same). A new region drops the old province and commune.
document.querySelectorAll("[data-place-chooser]").forEach((form) => {
  form.querySelectorAll("select").forEach((select) => {
    select.addEventListener("change", () => {
      const below = { region: ["province", "commune"], province: ["commune"] }[select.name] || [];
      below.forEach((name) => {
        const field = form.elements.namedItem(name);
        if (field) field.disabled = true; // not sent: the server lists the new region's places
      });
      form.requestSubmit();
    });
  });
});
