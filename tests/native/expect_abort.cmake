# cmake -DPROGRAM=<path> -DMESSAGE=<regex> -P expect_abort.cmake: passes when PROGRAM stops
# abnormally (CTest counts a signal as a failure of its own) and its stderr matches MESSAGE.
execute_process(COMMAND ${PROGRAM} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(status EQUAL 0)
  message(FATAL_ERROR "${PROGRAM} exited normally; output: ${out}")
endif()
if(NOT err MATCHES "${MESSAGE}")
  message(FATAL_ERROR "${PROGRAM} stopped (${status}) without the expected message; stderr: ${err}")
endif()
message(STATUS "${PROGRAM} stopped (${status}): ${err}")
