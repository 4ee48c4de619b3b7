# `cmake --install`: bin/kpi, the shell completions, and the man pages, gzipped as Debian ships them
# (share/man/man1/kpi.1.gz, share/man/man5/kpi-format.5.gz). `gzip -n` leaves the name
# and time out of the archive, so the same pages give the same bytes.
include(GNUInstallDirs)
install(TARGETS kpi RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

find_program(KPI_GZIP gzip REQUIRED)
file(GLOB KPI_MAN_PAGES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/man/*.[15])
set(KPI_MAN_ARCHIVES "")
foreach(page ${KPI_MAN_PAGES})
  get_filename_component(name ${page} NAME)
  string(REGEX REPLACE ".*\\.([15])$" "\\1" section ${name})
  set(archive ${PROJECT_BINARY_DIR}/man/${name}.gz)
  add_custom_command(
    OUTPUT ${archive}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${PROJECT_BINARY_DIR}/man
    COMMAND ${KPI_GZIP} -9 -n -c ${page} > ${archive}
    DEPENDS ${page}
    VERBATIM)
  list(APPEND KPI_MAN_ARCHIVES ${archive})
  install(FILES ${archive} DESTINATION ${CMAKE_INSTALL_MANDIR}/man${section})
endforeach()
add_custom_target(kpi_man ALL DEPENDS ${KPI_MAN_ARCHIVES})

# Shell completions, written by the built kpi from its own CLI definition
# (`kpi completion SHELL`, cli/completion.cpp), into the folders Debian's shells read.
set(KPI_COMPLETIONS "")
foreach(shell_file "bash;kpi;${CMAKE_INSTALL_DATADIR}/bash-completion/completions"
                   "zsh;_kpi;${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions"
                   "fish;kpi.fish;${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d")
  list(GET shell_file 0 shell)
  list(GET shell_file 1 name)
  list(GET shell_file 2 destination)
  set(script ${PROJECT_BINARY_DIR}/completions/${shell}/${name})
  add_custom_command(
    OUTPUT ${script}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${PROJECT_BINARY_DIR}/completions/${shell}
    COMMAND $<TARGET_FILE:kpi> completion ${shell} > ${script}
    DEPENDS kpi
    VERBATIM)
  list(APPEND KPI_COMPLETIONS ${script})
  install(FILES ${script} DESTINATION ${destination})
endforeach()
add_custom_target(kpi_completions ALL DEPENDS ${KPI_COMPLETIONS})

# `cpack -G DEB`: a Debian package of the same files. dpkg-shlibdeps (dpkg-dev) works out
# Depends from the libraries the binary links (libyaml-cpp, libfmt, libicu, libzip,
# libexpat), so the package installs with `apt install ./kpi_*.deb` on Debian 12.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME kpi)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "kpi maintainers <maintainers@kpi.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "KPI toolkit: define, validate and score Key Performance Indicators kept as plain text")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "Key Performance Indicators kept as plain text in git\n kpi keeps KPI definitions, the organisation, score frames and reward tiers in\n YAML, reads measurements from CSV files and Excel workbooks where they lie,\n validates the definitions against the SMART rules and scores a period:\n targets, achievement, weighted totals, reward tiers and bonuses.")
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
include(CPack)
