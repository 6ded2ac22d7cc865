// Progressive enhancement for the import forms: a chosen file is read into the form's text box (the server takes
// the text; without JavaScript, paste it). `data-fill` names the text box, `data-name` an input for the file name.
document.documentElement.classList.add("js");
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("input[type=file][data-fill]").forEach(function (input) {
    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      var target = document.getElementById(input.dataset.fill);
      if (!file || !target) return;
      if (input.dataset.name) {
        var name = document.getElementById(input.dataset.name);
        if (name && !name.value) name.value = file.name;
      }
      var reader = new FileReader();
      reader.onload = function () { target.value = String(reader.result); };
      reader.readAsText(file);
    });
  });
});
