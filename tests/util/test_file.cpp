#include <sys/stat.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <filesystem>

#include "../yaml/helpers.hpp"
#include "kpi/util/file.hpp"

namespace fs = std::filesystem;
using kpi::FileError;
using kpi::InputFile;

BOOST_AUTO_TEST_SUITE(util_file)

BOOST_AUTO_TEST_CASE(a_regular_file_is_read_whole) {
  kpi::test::TempWorkspace temp;
  temp.write("a.txt", "one\ntwo\n");
  FileError error;
  BOOST_TEST(kpi::read_regular_file("a.txt", error).value_or("?") == "one\ntwo\n");
  std::optional<InputFile> file = InputFile::open("a.txt", error);
  BOOST_REQUIRE(file);
  std::string line;
  std::getline(file->stream(), line);
  BOOST_TEST(line == "one");
}

BOOST_AUTO_TEST_CASE(a_fifo_is_refused_at_once_without_blocking) {
  kpi::test::TempWorkspace temp;
  BOOST_REQUIRE(::mkfifo("pipe", 0600) == 0);
  const auto start = std::chrono::steady_clock::now();
  FileError error;
  BOOST_TEST(!kpi::read_regular_file("pipe", error));
  BOOST_TEST(error.message == "it is not a regular file (a FIFO)");
  BOOST_TEST(!error.missing);
  BOOST_TEST(!InputFile::open("pipe", error));
  BOOST_TEST((std::chrono::steady_clock::now() - start < std::chrono::seconds(5)));
}

BOOST_AUTO_TEST_CASE(folders_devices_and_missing_files_are_said_as_they_are) {
  kpi::test::TempWorkspace temp;
  fs::create_directory("sub");
  FileError error;
  BOOST_TEST(!InputFile::open("sub", error));
  BOOST_TEST(error.message == "it is a folder");
  BOOST_TEST(!InputFile::open("/dev/null", error));
  BOOST_TEST(error.message == "it is not a regular file (a device)");
  BOOST_TEST(!InputFile::open("nothing.csv", error));
  BOOST_TEST(error.message == "no such file");
  BOOST_TEST(error.missing);
}

BOOST_AUTO_TEST_CASE(permission_denied_is_not_no_such_file) {
  kpi::test::TempWorkspace temp;
  temp.write("secret.csv", "x");
  fs::permissions("secret.csv", fs::perms::none);
  FileError error;
  if (::geteuid() == 0) {
    BOOST_TEST(kpi::describe_errno(EACCES) == "permission denied");  // root reads anything
  } else {
    BOOST_TEST(!InputFile::open("secret.csv", error));
    BOOST_TEST(error.message == "permission denied");
    BOOST_TEST(!error.missing);
  }
  BOOST_TEST(kpi::describe_errno(EPERM) == "permission denied");
}

BOOST_AUTO_TEST_CASE(inside_resolves_dots_and_symbolic_links) {
  kpi::test::TempWorkspace temp;
  fs::create_directories("ws/data");
  temp.write("ws/data/a.csv", "");
  temp.write("secret/s.yaml", "");
  fs::create_symlink("/etc/passwd", "ws/data/passwd.csv");
  fs::create_symlink("../../secret", "ws/data/out");
  fs::create_symlink("a.csv", "ws/data/in.csv");
  BOOST_TEST(kpi::is_inside("ws", "data/a.csv"));
  BOOST_TEST(kpi::is_inside("ws", "data/in.csv"));
  BOOST_TEST(kpi::is_inside("ws", "data/not-yet.csv"));
  BOOST_TEST(kpi::is_inside("ws", fs::absolute("ws/data/a.csv")));
  BOOST_TEST(!kpi::is_inside("ws", "data/passwd.csv"));
  BOOST_TEST(!kpi::is_inside("ws", "data/out/s.yaml"));
  BOOST_TEST(!kpi::is_inside("ws", "../secret/s.yaml"));
  BOOST_TEST(!kpi::is_inside("ws", "/etc/passwd"));
  // A sibling whose name starts like the workspace's is not inside it.
  fs::create_directories("ws2");
  BOOST_TEST(!kpi::is_inside("ws", "../ws2/x"));
}

BOOST_AUTO_TEST_CASE(leaving_lexically) {
  BOOST_TEST(kpi::leaves_lexically("/etc/passwd"));
  BOOST_TEST(kpi::leaves_lexically("../secret/*.yaml"));
  BOOST_TEST(kpi::leaves_lexically("kpis/../../x.yaml"));
  BOOST_TEST(!kpi::leaves_lexically("kpis/../x.yaml"));
  BOOST_TEST(!kpi::leaves_lexically("./kpis/*.yaml"));
  BOOST_TEST(!kpi::leaves_lexically("data/*.csv"));
}

BOOST_AUTO_TEST_SUITE_END()
