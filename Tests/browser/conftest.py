"""Fixtures of the real-browser tests: a headless Chromium (Debian's chromium + chromium-driver) driven by
Selenium, the running server's address, and screenshots of every failing test.

scripts/browser-test.sh seeds a database, starts `itss serve` and sets the environment read here.
"""

import os
import pathlib

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service


def _env(name, default=None):
    value = os.environ.get(name, default)
    if value is None:
        raise pytest.UsageError(f"{name} is not set: run the browser tests through scripts/browser-test.sh")
    return value


@pytest.fixture(scope="session")
def base_url():
    return _env("ITSS_BASE_URL").rstrip("/")


@pytest.fixture(scope="session")
def accounts():
    return {
        "employee": (_env("ITSS_EMPLOYEE_LOGIN"), _env("ITSS_EMPLOYEE_PASSWORD")),
        "evaluator": (_env("ITSS_EVALUATOR_LOGIN"), _env("ITSS_EVALUATOR_PASSWORD")),
        "hr": (_env("ITSS_HR_LOGIN"), _env("ITSS_HR_PASSWORD")),
        "employee_number": _env("ITSS_EMPLOYEE_NUMBER"),
    }


@pytest.fixture(scope="session")
def artifacts():
    folder = pathlib.Path(_env("ITSS_BROWSER_ARTIFACTS", "browser-artifacts"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def browser(request, artifacts):
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM_BINARY", "/usr/bin/chromium")
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,800"):
        options.add_argument(argument)
    # English unless a page switches: Accept-Language would otherwise follow the machine's locale.
    options.add_argument("--lang=en-US")
    options.add_experimental_option("prefs", {"intl.accept_languages": "en-US,en"})
    driver = webdriver.Chrome(
        service=Service(os.environ.get("CHROMEDRIVER_BINARY", "/usr/bin/chromedriver")), options=options
    )
    driver.implicitly_wait(0)
    yield driver
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        name = request.node.name.replace("/", "_")
        driver.save_screenshot(str(artifacts / f"FAILED-{name}.png"))
        (artifacts / f"FAILED-{name}.html").write_text(driver.page_source, encoding="utf-8")
        print(f"\nscreenshot and page of the failure: {artifacts}/FAILED-{name}.png (.html), at {driver.current_url}")
    driver.quit()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.when == "call":
        item.report_call = report
