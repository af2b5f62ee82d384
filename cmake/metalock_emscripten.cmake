# Every Emscripten flag and workaround of the wasm build, in one place (the model is Draco's
# cmake/draco_emscripten.cmake): the version guard, nlohmann/json without /usr/include, the
# wasm-flavoured core target, and the module's compile and link flags, closure and link
# environment. wasm/CMakeLists.txt only lists the binding sources and calls
# metalock_add_wasm_module(). The numbers quoted are gzip -9 of metalock.wasm + .mjs.
include_guard(GLOBAL)

# --- The version guard --------------------------------------------------------------------
# wasm/embind_types.cpp mirrors 3.1.6's system/lib/embind/bind.cpp (its two symbols, so that
# the linker never pulls bind.cpp), wasm/small_libc.cpp replaces libc entry points as 3.1.6
# links them, and the -s flags below are 3.1.6's. On another Emscripten any of these may break
# quietly, so the build stops instead.
set(METALOCK_EMSCRIPTEN_VERSION 3.1.6)
if(NOT EMSCRIPTEN_VERSION VERSION_EQUAL METALOCK_EMSCRIPTEN_VERSION)
  message(FATAL_ERROR
    "metalock's wasm build is made for Emscripten ${METALOCK_EMSCRIPTEN_VERSION}, this is "
    "'${EMSCRIPTEN_VERSION}'. Check wasm/embind_types.cpp against this version's "
    "system/lib/embind/bind.cpp, wasm/small_libc.cpp against its libc, and the flags of "
    "cmake/metalock_emscripten.cmake; then update METALOCK_EMSCRIPTEN_VERSION there.")
endif()

# --- nlohmann/json ------------------------------------------------------------------------
# A host package: Emscripten's find root hides it, and its include directory (/usr/include)
# must never reach em++ (glibc headers leak in and break the build). Find it natively, outside
# the find root, and give em++ a folder that holds only a symlink to its nlohmann/ directory.
find_package(nlohmann_json 3.11 CONFIG QUIET NO_CMAKE_FIND_ROOT_PATH)
if(TARGET nlohmann_json::nlohmann_json)
  get_target_property(METALOCK_NLOHMANN_HINTS nlohmann_json::nlohmann_json INTERFACE_INCLUDE_DIRECTORIES)
endif()
find_path(METALOCK_NLOHMANN_INCLUDE_DIR nlohmann/json.hpp HINTS ${METALOCK_NLOHMANN_HINTS} NO_CMAKE_FIND_ROOT_PATH)
if(NOT METALOCK_NLOHMANN_INCLUDE_DIR)
  message(FATAL_ERROR "nlohmann/json.hpp not found (Debian: nlohmann-json3-dev; or pass -DMETALOCK_NLOHMANN_INCLUDE_DIR=)")
endif()
set(METALOCK_JSON_SHIM ${CMAKE_BINARY_DIR}/json-include)
file(MAKE_DIRECTORY ${METALOCK_JSON_SHIM})
file(CREATE_LINK ${METALOCK_NLOHMANN_INCLUDE_DIR}/nlohmann ${METALOCK_JSON_SHIM}/nlohmann SYMBOLIC)
add_library(metalock_json_wasm INTERFACE)
target_include_directories(metalock_json_wasm SYSTEM INTERFACE ${METALOCK_JSON_SHIM})

# --- Compile flags (the core and the bindings alike) --------------------------------------
# -Oz: the module's size is a target; -O2 runs large bodies faster, at a cost in KB.
set(METALOCK_WASM_OPT -Oz CACHE STRING "optimization flag of the wasm module and of the core under Emscripten")
# -fno-exceptions: the core never throws; a nlohmann throw it missed becomes abort() instead of
# unwinding machinery in every function.
# -fno-rtti: nothing uses typeid/dynamic_cast; Embind then keys types by address instead of
# type_info (EMSCRIPTEN_HAS_UNBOUND_TYPE_NAMES=0), so no type_info objects or names ship.
# -sINLINING_LIMIT=0: emcc 3.1.6 turns -Os/-Oz into clang -fno-inline-functions, so not even
# std::string::size() or nlohmann's lexer get() inlined: the module ran 2x slower and was 4.6 KB
# bigger than with LLVM's own -Oz inlining, which this restores (must be a compile flag).
# -D_LIBCPP_DISABLE_EXTERN_TEMPLATE: libc++ declares std::string's members extern templates,
# instantiated once inside the prebuilt libc++.a, outside LTO: push_back, append and friends,
# called per character by nlohmann's lexer and serializer, stayed calls. Instantiated here they
# inline: a 256 KB parse from Node +35-43%, dump +30%, merge/validate/profile +15-30%, and the
# module is 91 B gz smaller (dead members drop out).
# -mbulk-memory -mnontrapping-fptoint -msign-ext: single instructions for memcpy/memset,
# float->int and sign extension, which 3.1.6 still spells as code (-185 B gz). Every browser
# since 2021 (Chrome 75, Firefox 79, Safari 15) and Node 16+ has them.
set(METALOCK_WASM_FLAGS ${METALOCK_WASM_OPT} -sINLINING_LIMIT=0 -flto -fno-exceptions -fno-rtti
  -DEMSCRIPTEN_HAS_UNBOUND_TYPE_NAMES=0 -D_LIBCPP_DISABLE_EXTERN_TEMPLATE
  -mbulk-memory -mnontrapping-fptoint -msign-ext)

# The wasm-flavoured core: the sdk's sources (sdk/CMakeLists.txt) with the flags above; the
# native metalock_sdk keeps its own. METALOCK_ABORT_WITHOUT_MESSAGE: a broken Result
# precondition aborts without printing (stdio would add 1 KB; JS sees an internal_error).
# The digits of doubles come from JavaScript (wasm/double_digits.cpp, in the bindings).
function(metalock_add_wasm_core name)
  metalock_add_core(${name} JSON metalock_json_wasm REPLACED double_digits.cpp)
  target_compile_options(${name} PRIVATE ${METALOCK_WASM_FLAGS})
  target_compile_definitions(${name} PRIVATE METALOCK_ABORT_WITHOUT_MESSAGE)
endfunction()

# --- The link environment -----------------------------------------------------------------
# em++'s JS optimizer (tools/acorn-optimizer.js) requires acorn, which Debian's emscripten
# leaves to the node-acorn package, outside Node's default search path: find the folder that
# holds it (NODE_PATH, next to Emscripten, or the node installation's shared module folders)
# and hand it to the link as NODE_PATH.
find_program(METALOCK_NODE NAMES node nodejs NO_CMAKE_FIND_ROOT_PATH)
get_filename_component(METALOCK_NODE_PREFIX "${METALOCK_NODE}" REALPATH)
get_filename_component(METALOCK_NODE_PREFIX "${METALOCK_NODE_PREFIX}" DIRECTORY)
get_filename_component(METALOCK_NODE_PREFIX "${METALOCK_NODE_PREFIX}" DIRECTORY)
find_path(METALOCK_ACORN_NODE_PATH acorn/package.json
  HINTS ENV NODE_PATH
  PATHS ${EMSCRIPTEN_ROOT_PATH}/node_modules ${METALOCK_NODE_PREFIX}/share/nodejs
        ${METALOCK_NODE_PREFIX}/lib/node_modules ${METALOCK_NODE_PREFIX}/lib/nodejs
  NO_DEFAULT_PATH NO_CMAKE_FIND_ROOT_PATH)
if(NOT METALOCK_ACORN_NODE_PATH)
  message(FATAL_ERROR "em++'s JS optimizer needs the npm package acorn (Debian: node-acorn); "
    "install it, or point NODE_PATH (or -DMETALOCK_ACORN_NODE_PATH=) at the folder that holds acorn/")
endif()
set(METALOCK_LINK_ENV NODE_PATH=${METALOCK_ACORN_NODE_PATH})

# Closure roughly halves the glue. Debian ships no usable closure compiler; the npm package
# google-closure-compiler-java (a devDependency, pinned to the last jar that runs on Java 17)
# does, through a wrapper named by EM_CLOSURE_COMPILER. Without it the build still works,
# only bigger. Each closure + ES6 link leaves a tmp*.esmeta.js in TMPDIR: keep it in the build.
find_file(METALOCK_CLOSURE_JAR compiler.jar
  PATHS ${PROJECT_SOURCE_DIR}/node_modules/google-closure-compiler-java NO_DEFAULT_PATH NO_CMAKE_FIND_ROOT_PATH)
find_program(METALOCK_JAVA java NO_CMAKE_FIND_ROOT_PATH)
if(METALOCK_CLOSURE_JAR AND METALOCK_JAVA)
  set(METALOCK_CLOSURE_WRAPPER ${CMAKE_BINARY_DIR}/closure-compiler)
  file(WRITE ${METALOCK_CLOSURE_WRAPPER}
    "#!/bin/sh\nexec '${METALOCK_JAVA}' -jar '${METALOCK_CLOSURE_JAR}' \"$@\"\n")
  file(CHMOD ${METALOCK_CLOSURE_WRAPPER} PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ
    GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
  set(METALOCK_LINK_TMP ${CMAKE_BINARY_DIR}/link-tmp)
  file(MAKE_DIRECTORY ${METALOCK_LINK_TMP})
  list(APPEND METALOCK_LINK_ENV EM_CLOSURE_COMPILER=${METALOCK_CLOSURE_WRAPPER} TMPDIR=${METALOCK_LINK_TMP})
  set(METALOCK_CLOSURE_FLAGS "SHELL:--closure 1")
else()
  message(WARNING "closure compiler not found (npm install first): the wasm glue is built without it")
  set(METALOCK_CLOSURE_FLAGS)
endif()

# The binaryen that emcc runs (its config's BINARYEN_ROOT), for the round after the link.
find_program(METALOCK_WASM_OPT_TOOL wasm-opt HINTS ${EMSCRIPTEN_ROOT_PATH}/../../bin NO_CMAKE_FIND_ROOT_PATH REQUIRED)

# --- The bindings and the modules ----------------------------------------------------------
# A set of binding sources, compiled once (an object library) for every module that holds it.
function(metalock_add_wasm_bindings name)
  add_library(${name} OBJECT ${ARGN})
  target_compile_options(${name} PRIVATE ${METALOCK_WASM_FLAGS})
  target_link_libraries(${name} PUBLIC metalock_core_wasm)
endfunction()

# name: the executable target to create; OUTPUT: its file name (OUTPUT.mjs + OUTPUT.wasm);
# EXPORT_NAME: the glue's default export; BINDINGS: the object libraries of
# metalock_add_wasm_bindings() it holds; ENVIRONMENT: where the glue runs, `web` (pages and
# workers) or `node` (a glue for one only: a page never carries Node's loading code, -0.7 KB gz);
# EXTERN_PRE_JS / PRE_JS: the glue's Node fixes (the PRE_JS is configured with
# @MODULE_WASM_FILE@, the name of the .wasm it reads); GLUE_OF: a module target whose .wasm
# this glue loads instead of its own. The .wasm does not depend on the environment, only the
# glue does: the link for another environment must come out byte for byte the same, which the
# build checks, so one metalock.wasm serves both glues.
function(metalock_add_wasm_module name)
  cmake_parse_arguments(PARSE_ARGV 1 MODULE "" "OUTPUT;EXPORT_NAME;ENVIRONMENT;EXTERN_PRE_JS;PRE_JS;GLUE_OF" "BINDINGS")
  set(objects)
  foreach(bindings IN LISTS MODULE_BINDINGS)
    list(APPEND objects $<TARGET_OBJECTS:${bindings}>)
  endforeach()
  add_executable(${name} ${objects})
  target_link_libraries(${name} PRIVATE metalock_core_wasm)
  set(MODULE_WASM_FILE ${MODULE_OUTPUT}.wasm)
  # One more binaryen -Oz over the finished module (-117 B gz): emcc's last step on the
  # .wasm, wasm-metadce after closure, drops exports and imports the glue never uses, and no
  # optimizer runs after it to remove what only they kept. The features are the compile
  # flags' (the finished module carries no target_features section to read them from).
  add_custom_command(TARGET ${name} POST_BUILD
    COMMAND ${METALOCK_WASM_OPT_TOOL} ${MODULE_OUTPUT}.wasm -Oz --zero-filled-memory --enable-bulk-memory
            --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals -o ${MODULE_OUTPUT}.wasm
    WORKING_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR}
    COMMENT "${MODULE_OUTPUT}.wasm: a last binaryen -Oz round")
  if(MODULE_GLUE_OF)
    get_target_property(shared_output ${MODULE_GLUE_OF} OUTPUT_NAME)
    set(MODULE_WASM_FILE ${shared_output}.wasm)
    add_dependencies(${name} ${MODULE_GLUE_OF})
    add_custom_command(TARGET ${name} POST_BUILD
      COMMAND ${CMAKE_COMMAND} -E compare_files ${MODULE_WASM_FILE} ${MODULE_OUTPUT}.wasm
      WORKING_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR}
      COMMENT "${MODULE_OUTPUT}.mjs loads ${MODULE_WASM_FILE}: checking that its own link is the same bytes")
  endif()
  set(glue_fixes)
  if(MODULE_EXTERN_PRE_JS)
    list(APPEND glue_fixes "SHELL:--extern-pre-js ${MODULE_EXTERN_PRE_JS}")
    set_property(TARGET ${name} APPEND PROPERTY LINK_DEPENDS ${MODULE_EXTERN_PRE_JS})
  endif()
  if(MODULE_PRE_JS)
    get_filename_component(pre_js_name ${MODULE_PRE_JS} NAME)
    set(pre_js ${CMAKE_CURRENT_BINARY_DIR}/${MODULE_OUTPUT}.${pre_js_name})
    configure_file(${MODULE_PRE_JS} ${pre_js} @ONLY)
    list(APPEND glue_fixes "SHELL:--pre-js ${pre_js}")
    set_property(TARGET ${name} APPEND PROPERTY LINK_DEPENDS ${pre_js})
  endif()
  set_target_properties(${name} PROPERTIES OUTPUT_NAME ${MODULE_OUTPUT} SUFFIX .mjs)
  target_compile_options(${name} PRIVATE ${METALOCK_WASM_FLAGS})
  target_link_options(${name} PRIVATE
    ${METALOCK_WASM_FLAGS}
    # Embind's JS runtime, as -lembind would add it, but without libembind.a: its constructor
    # registers every C++ type Embind knows; wasm/embind_types.cpp registers ours (-1.8 KB).
    "SHELL:--js-library ${EMSCRIPTEN_ROOT_PATH}/src/embind/embind.js"
    "SHELL:--js-library ${EMSCRIPTEN_ROOT_PATH}/src/embind/emval.js"
    "-sEXPORTED_FUNCTIONS=[_malloc,_free,___getTypeName]"
    -sMODULARIZE=1
    -sEXPORT_ES6=1
    -sEXPORT_NAME=${MODULE_EXPORT_NAME}
    -sENVIRONMENT=${MODULE_ENVIRONMENT}
    -sALLOW_MEMORY_GROWTH=1
    -sFILESYSTEM=0
    -sMALLOC=emmalloc
    # A second binaryen -Oz round over the linked module still finds work: -211 B.
    -sBINARYEN_EXTRA_PASSES=-Oz
    # A library must not install process-wide handlers in its host's Node process.
    -sNODEJS_CATCH_EXIT=0
    -sNODEJS_CATCH_REJECTION=0
    # Glue size, and no eval: Embind's invokers without new Function (strict CSP pages work).
    -sDYNAMIC_EXECUTION=0
    -sTEXTDECODER=2
    "-sINCOMING_MODULE_JS_API=[wasmBinary,locateFile,instantiateWasm]"
    ${glue_fixes}
    ${METALOCK_CLOSURE_FLAGS})
  list(JOIN METALOCK_LINK_ENV ";" link_env)
  set_target_properties(${name} PROPERTIES CXX_LINKER_LAUNCHER "${CMAKE_COMMAND};-E;env;${link_env}")
endfunction()
