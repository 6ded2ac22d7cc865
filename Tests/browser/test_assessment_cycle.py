"""The assessment cycle in a real browser, as people do it: an employee self-assesses Service Desk by choosing
level texts and submits; the evaluator changes one rating with a reason, verifies the track record and
approves; the employee's profile shows the new official level and its explanation — once in English, and again
in Japanese after switching the language.

Run through scripts/browser-test.sh (it seeds the database and starts the server).
"""

import os

from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.select import Select
from selenium.webdriver.support.ui import WebDriverWait

TIMEOUT = 30
STEPS = os.environ.get("ITSS_BROWSER_STEPS") == "1"


def step(browser, artifacts, name):
    """With ITSS_BROWSER_STEPS=1, a full-page picture of each step (for looking at the pages, not for asserting)."""
    if STEPS:
        height = browser.execute_script("return document.body.scrollHeight")
        browser.set_window_size(1280, min(max(800, height), 6000))
        browser.save_screenshot(str(artifacts / f"step-{name}.png"))
        browser.set_window_size(1280, 800)


def wait(browser):
    return WebDriverWait(browser, TIMEOUT)


def open_page(browser, url):
    browser.get(url)
    wait(browser).until(lambda driver: driver.execute_script("return document.readyState") == "complete")


def replaced(old):
    """The page of `old` has gone. Chromium sometimes answers a question about an element of a page it is leaving
    with "unhandled inspector error" instead of "stale element"; both mean the navigation happened."""

    def check(_driver):
        try:
            old.is_enabled()
            return False
        except (StaleElementReferenceException, WebDriverException):
            return True

    return check


def submit_and_wait(browser, button):
    """Clicks a submit button and waits for the next page (the old one goes stale)."""
    old = browser.find_element(By.TAG_NAME, "html")
    button.click()
    wait(browser).until(replaced(old))
    wait(browser).until(lambda driver: driver.execute_script("return document.readyState") == "complete")


def sign_in(browser, base_url, login, password):
    open_page(browser, base_url + "/login")
    browser.find_element(By.ID, "login").send_keys(login)
    browser.find_element(By.ID, "password").send_keys(password)
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form[action='/login'] button[type=submit]"))
    assert "/login" not in browser.current_url, "signed in as " + login


def sign_out(browser):
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form[action='/logout'] button"))
    assert "/login" in browser.current_url


def switch_language(browser, code):
    """Follows the header's language switch (it keeps the page)."""
    link = browser.find_element(By.CSS_SELECTOR, f"a.lang[lang='{code}']")
    old = browser.find_element(By.TAG_NAME, "html")
    link.click()
    wait(browser).until(replaced(old))
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == code


def choose_level_text(fieldset, level):
    """Clicks the label of the item's level text for `level` (the radio is inside the label) and returns the
    text chosen: the person picks a description, not a number."""
    for label in fieldset.find_elements(By.CSS_SELECTOR, "label.level-choice"):
        radio = label.find_element(By.CSS_SELECTOR, "input[type=radio]")
        if radio.get_attribute("value") == str(level):
            text = label.find_element(By.CSS_SELECTOR, ".level-text").text
            label.find_element(By.CSS_SELECTOR, ".level-text").click()
            assert radio.is_selected()
            return text
    raise AssertionError(f"no level {level} text in item {fieldset.find_element(By.TAG_NAME, 'legend').text}")


def set_date(browser, element, value):
    """Date inputs take keys in the browser's locale format; set the ISO value the form sends instead."""
    browser.execute_script("arguments[0].value = arguments[1]", element, value)


def add_experience(browser, role, start, staff):
    form = browser.find_element(By.ID, "add-experience")
    Select(form.find_element(By.NAME, "role")).select_by_value(role)
    set_date(browser, form.find_element(By.NAME, "from"), start)
    form.find_element(By.NAME, "peak_staff").send_keys(str(staff))
    form.find_element(By.NAME, "customer").send_keys("ACME service desk")
    submit_and_wait(browser, form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    assert "done=experience" in browser.current_url


def self_assess(browser, base_url, artifacts, cycle, levels):
    """On My skills: starts a Service Desk assessment for `cycle`, chooses a level text per item (`levels(index)`),
    saves, then submits."""
    open_page(browser, base_url + "/me")
    form = browser.find_element(By.ID, "start-assessment")
    field = Select(form.find_element(By.NAME, "field"))
    field.select_by_value("V3 2008:Service Desk")
    cycle_input = form.find_element(By.NAME, "cycle")
    cycle_input.clear()
    cycle_input.send_keys(cycle)
    submit_and_wait(browser, form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    assert "/assessments/" in browser.current_url
    items = browser.find_elements(By.CSS_SELECTOR, "form.assessment fieldset.levels")
    assert len(items) >= 3
    for index, item in enumerate(items):
        text = choose_level_text(item, levels(index))
        assert len(text) > 20 and not text.isdigit(), "a level text, not a number: " + text
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form.assessment button[value=save]"))
    assert "done=saved" in browser.current_url
    assert browser.find_elements(By.CSS_SELECTOR, ".provisional-level"), "the provisional level is shown after saving"
    step(browser, artifacts, f"self-assessment-{cycle}")
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form.assessment button[formaction$='/submit']"))
    assert "done=submitted" in browser.current_url
    assert browser.find_element(By.CSS_SELECTOR, ".badge.submitted")
    return int(browser.current_url.split("/assessments/")[1].split("?")[0])


def official_level(browser, base_url, employee_number):
    open_page(browser, f"{base_url}/people/{employee_number}")
    card = browser.find_element(By.CSS_SELECTOR, ".level-card")
    return card.find_element(By.CSS_SELECTOR, ".official-level").text, card.find_element(By.CSS_SELECTOR, ".explanation").text


def review_and_approve(browser, base_url, artifacts, assessment, changed_level, reason):
    """As the evaluator: verifies the pending experience, changes the first item's rating with a reason, approves."""
    open_page(browser, base_url + "/review")
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, f"a[href='/review/{assessment}']"))
    for _ in range(5):
        buttons = browser.find_elements(By.CSS_SELECTOR, "form[action*='/experience/'] button")
        if not buttons:
            break
        submit_and_wait(browser, buttons[0])
        assert "done=verified" in browser.current_url
    first = browser.find_element(By.CSS_SELECTOR, "form.review fieldset.review-item")
    choose_level_text(first, changed_level)
    # Without a reason the change is refused and the field is marked; nothing is lost.
    approve = browser.find_element(By.CSS_SELECTOR, "form.review button[formaction$='/approve']")
    submit_and_wait(browser, approve)
    reason_input = browser.find_element(By.ID, "reason-0")
    assert reason_input.get_attribute("aria-invalid") == "true"
    step(browser, artifacts, f"review-refused-{assessment}")
    first = browser.find_element(By.CSS_SELECTOR, "form.review fieldset.review-item")
    assert first.find_element(By.CSS_SELECTOR, f"input[value='{changed_level}']").is_selected(), "the choice is kept"
    reason_input.send_keys(reason)
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form.review button[formaction$='/approve']"))
    assert "done=approved" in browser.current_url
    assert browser.find_element(By.CSS_SELECTOR, ".badge.approved")


def test_assessment_cycle_in_english_then_japanese(browser, base_url, accounts, artifacts):
    employee, employee_password = accounts["employee"]
    evaluator, evaluator_password = accounts["evaluator"]
    number = accounts["employee_number"]

    # --- English: level texts of level 3, a member's track record; the evaluator raises one item to 4.
    sign_in(browser, base_url, employee, employee_password)
    assert browser.find_element(By.TAG_NAME, "h1").text == "My skills"
    open_page(browser, base_url + "/me")
    add_experience(browser, "member", "2024-04-01", 6)
    step(browser, artifacts, "my-skills")
    first = self_assess(browser, base_url, artifacts, "2026H1", lambda index: 3)
    level, explanation = official_level(browser, base_url, number)
    assert level == "Below level 3"
    sign_out(browser)

    sign_in(browser, base_url, evaluator, evaluator_password)
    review_and_approve(browser, base_url, artifacts, first, 4, "Leads the regulatory briefings for the whole desk")
    browser.find_element(By.PARTIAL_LINK_TEXT, "see the profile").click()
    wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".official-level")))
    level, explanation = official_level(browser, base_url, number)
    assert level == "Level 3", level
    assert "Missing for level 4" in explanation, explanation
    assert browser.find_element(By.CSS_SELECTOR, "svg.chart.radar")
    sign_out(browser)

    # --- Japanese: switch the language, level texts of level 4 (3 for the first item), a leader's record; the
    # evaluator raises the first item to 4 and the person reaches the field's top level.
    open_page(browser, base_url + "/login")
    switch_language(browser, "ja")
    sign_in(browser, base_url, employee, employee_password)
    assert browser.find_element(By.TAG_NAME, "h1").text == "マイスキル"
    open_page(browser, base_url + "/me")
    add_experience(browser, "leader", "2025-04-01", 12)
    second = self_assess(browser, base_url, artifacts, "2026H2", lambda index: 3 if index == 0 else 4)
    assert "提出済み" in browser.find_element(By.CSS_SELECTOR, ".badge.submitted").text
    sign_out(browser)

    sign_in(browser, base_url, evaluator, evaluator_password)
    review_and_approve(browser, base_url, artifacts, second, 4, "外部組織との調整を主導している")
    level, explanation = official_level(browser, base_url, number)
    assert level == "レベル 4", level
    assert "最上位レベル" in explanation, explanation
    history = browser.find_element(By.CSS_SELECTOR, "table.history").text
    assert "3 → 4" in history and "– → 3" in history, history

    step(browser, artifacts, "profile")
    # One picture of the result: the profile with its radar chart.
    chart = browser.find_element(By.CSS_SELECTOR, "svg.chart.radar")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", chart)
    browser.save_screenshot(str(artifacts / "profile-with-radar-chart.png"))
    switch_language(browser, "en")
    level, _ = official_level(browser, base_url, number)
    assert level == "Level 4"
