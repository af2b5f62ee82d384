// The document builder behind parse_json: nlohmann's json_sax_dom_parser, with one change.
// Its key() inserts each member with std::map::operator[], a search from the root comparing
// strings all the way down; here the member goes in with end() as the hint, which costs one
// comparison when keys arrive in order, as they do in every document metalock wrote (a Json
// object is a std::map, dumped in key order) and in most a server sent back. Keys out of
// order fall back to the search; a repeated key keeps its last value, as before.
#pragma once

#include "metalock/json.hpp"

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace metalock::detail {

class JsonDomBuilder {
 public:
  explicit JsonDomBuilder(Json& root) : root_(root) {}

  bool null() { return add(nullptr); }
  bool boolean(bool value) { return add(value); }
  bool number_integer(Json::number_integer_t value) { return add(value); }
  bool number_unsigned(Json::number_unsigned_t value) { return add(value); }
  bool number_float(Json::number_float_t value, const std::string& /*text*/) { return add(value); }
  bool string(std::string& value) { return add(value); }
  bool binary(Json::binary_t& value) { return add(std::move(value)); }

  bool start_object(std::size_t /*size unknown in JSON text*/) {
    open_.push_back(place(Json::value_t::object));
    return true;
  }
  bool key(std::string& name) {
    auto& members = open_.back()->get_ref<Json::object_t&>();
    member_ = &members.emplace_hint(members.end(), name, nullptr)->second;
    return true;
  }
  bool end_object() { return close(); }
  bool start_array(std::size_t /*size unknown in JSON text*/) {
    open_.push_back(place(Json::value_t::array));
    return true;
  }
  bool end_array() { return close(); }

  template <class Exception>
  bool parse_error(std::size_t /*position*/, const std::string& /*last token*/, const Exception& /*error*/) {
    errored_ = true;
    return false;
  }
  bool errored() const { return errored_; }

 private:
  template <class Value>
  bool add(Value&& value) {
    place(std::forward<Value>(value));
    return true;
  }
  bool close() {
    open_.pop_back();
    return true;
  }
  // The new value's home: the root, the open array's end, or the member key() made.
  template <class Value>
  Json* place(Value&& value) {
    if (open_.empty()) {
      root_ = Json(std::forward<Value>(value));
      return &root_;
    }
    if (open_.back()->is_array()) {
      auto& items = open_.back()->get_ref<Json::array_t&>();
      items.emplace_back(std::forward<Value>(value));
      return &items.back();
    }
    *member_ = Json(std::forward<Value>(value));
    return member_;
  }

  Json& root_;
  std::vector<Json*> open_;   // the arrays and objects being filled, innermost last
  Json* member_ = nullptr;    // the object member the next value fills
  bool errored_ = false;
};

}  // namespace metalock::detail
