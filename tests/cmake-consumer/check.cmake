# cmake -DMODE=installed|subdirectory -DMETALOCK_SOURCE=<repo> [-DMETALOCK_BUILD=<native build>]
#       -DWORK=<scratch dir> -P check.cmake
# installed: `cmake --install` the native build into WORK/prefix, then build the consumer with
# find_package(metalock CONFIG); subdirectory: build the consumer with add_subdirectory().
# Either way the consumer must build (at C++14, raised by metalock::sdk) and print the merge.
file(REMOVE_RECURSE ${WORK})

function(step)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT status EQUAL 0)
    string(REPLACE ";" " " command "${ARGN}")
    message(FATAL_ERROR "${command} failed (${status}):\n${out}\n${err}")
  endif()
  set(step_output "${out}" PARENT_SCOPE)
endfunction()

set(consumer ${METALOCK_SOURCE}/tests/cmake-consumer)
if(MODE STREQUAL "installed")
  step(${CMAKE_COMMAND} --install ${METALOCK_BUILD} --prefix ${WORK}/prefix)
  step(${CMAKE_COMMAND} -S ${consumer} -B ${WORK}/build -G Ninja -DCMAKE_BUILD_TYPE=Release
       -DCMAKE_PREFIX_PATH=${WORK}/prefix)
elseif(MODE STREQUAL "subdirectory")
  step(${CMAKE_COMMAND} -S ${consumer} -B ${WORK}/build -G Ninja -DCMAKE_BUILD_TYPE=Release
       -DMETALOCK_SOURCE=${METALOCK_SOURCE})
else()
  message(FATAL_ERROR "MODE must be installed or subdirectory")
endif()
step(${CMAKE_COMMAND} --build ${WORK}/build)
step(${WORK}/build/consumer)
if(NOT step_output MATCHES "\"lang\":\"fr\"" OR NOT step_output MATCHES "\"theme\":\"dark\"")
  message(FATAL_ERROR "unexpected consumer output: ${step_output}")
endif()
message(STATUS "consumer (${MODE}) printed ${step_output}")
