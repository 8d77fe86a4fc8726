# Fails the build when a file below the platform includes a window, GL or browser header: the one
# rule of the layers the compiler cannot enforce, since those headers sit on every target's system
# path (Emscripten's sysroot, /usr/include). Which of the lab's own headers a file may include is
# enforced by the compiler itself: each library's include directory holds its own folder alone, and a
# library sees only the folders of what it links (CMakeLists.txt, bp_include_root).
# Usage: cmake -DSOURCE_DIR=<repo> -P cmake/check_layers.cmake
set(problems "")
file(GLOB_RECURSE files ${SOURCE_DIR}/src/core/*.h ${SOURCE_DIR}/src/core/*.cpp
                        ${SOURCE_DIR}/src/app/*.h ${SOURCE_DIR}/src/app/*.cpp)
foreach(file ${files})
  file(STRINGS ${file} includes REGEX "^[ \t]*#[ \t]*include[ \t]*<")
  foreach(line ${includes})
    string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*<([^>]+)>.*" "\\1" header "${line}")
    if(header MATCHES "^(GLFW/|GLES|GL/|EGL/|emscripten)")
      file(RELATIVE_PATH shown ${SOURCE_DIR} ${file})
      list(APPEND problems "${shown}: <${header}> belongs to the platform (src/platform)")
    endif()
  endforeach()
endforeach()

if(problems)
  list(JOIN problems "\n  " text)
  message(FATAL_ERROR "Window, GL or browser headers below the platform:\n  ${text}")
endif()
