#include "forms.hpp"

#include <string>

namespace metalock::bench {
namespace {

Json text_field(const std::string& name) { return {{"name", name}, {"placeholder", "your " + name}}; }

Json country_field() {
  Json options = Json::array();
  for (const char* code : {"us", "fr", "jp", "de", "br", "in", "ng", "au"}) {
    options.push_back({{"value", code}, {"label", std::string("Country ") + code}});
  }
  return {{"name", "country"}, {"type", "select"}, {"placeholder", "country"}, {"options", options}};
}

// A near-500-character value with markup and padding, as a pasted bio might arrive.
std::string long_value(int seed) {
  std::string value = "  <p>";
  while (value.size() < 470) value += "<b>word" + std::to_string(seed) + "</b> and more text, ";
  return value + "</p>  ";
}

}  // namespace

Json signup_base() {
  return {{"client_id", "metalock-demo"},
          {"connection", "Username-Password-Authentication"},
          {"email", "ann@example.com"},
          {"password", "Correct-Horse-9"}};
}

Form max_form() {
  Form form;
  for (int i = 0; i < 7; ++i) {
    const std::string name = "profile_field_" + std::to_string(i);
    form.fields.push_back(text_field(name));
    form.values[name] = long_value(i);
  }
  form.fields.push_back(country_field());
  form.values["country"] = "jp";
  form.fields.push_back({{"name", "newsletter"}, {"type", "checkbox"}, {"placeholder", "newsletter"}});
  form.values["newsletter"] = true;
  form.fields.push_back({{"name", "signup_source"}, {"type", "hidden"}, {"value", "metalock-bench"}});
  for (const char* root : {"given_name", "family_name"}) {
    Json field = text_field(root);
    field["storage"] = "root";
    form.fields.push_back(field);
    form.values[root] = "  <i>Ann</i> ";
  }
  return form;
}

Form typical_form() {
  Form form;
  form.fields = Json::array({text_field("company"), country_field(),
                             {{"name", "newsletter"}, {"type", "checkbox"}, {"placeholder", "newsletter"}}});
  form.values = {{"company", " Acme Corp "}, {"country", "fr"}, {"newsletter", false}};
  return form;
}

}  // namespace metalock::bench
