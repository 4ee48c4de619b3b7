#define BOOST_TEST_MODULE kpi
#include <boost/test/unit_test.hpp>
