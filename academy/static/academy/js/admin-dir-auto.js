// Editors type Arabic, Tifinagh and Latin in the same admin: every text field follows the
// direction of what is typed in it (dir="auto"), including fields added later by StreamField.
document.addEventListener("focusin", (event) => {
  const field = event.target;
  if (field.matches("input[type=text], input:not([type]), textarea, [contenteditable=true]") && !field.hasAttribute("dir")) {
    field.setAttribute("dir", "auto");
  }
});
