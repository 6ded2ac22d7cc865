"""The SVG charts in a real browser, signed in as HR: the radar chart of a profile, the skill map's heatmap and the
trends charts. Each chart must be displayed with a real size, hold the shapes the seeded data calls for, and its
own screenshot (saved in the artifacts folder) must show a drawing, not a blank box.

The data (scripts/browser-test.sh): E1002 approved at V2 Service desk level 2 and E1003 at level 1 today, every
item rated at the highest level it defines up to that; E1001 works in V3 Service Desk (the assessment cycle test
may have approved them by now, which changes which cell they are in, not how many people the map counts).

Run through scripts/browser-test.sh (it seeds the database and starts the server).
"""

import os
import re
import struct
import zlib

from selenium.webdriver.common.by import By

from test_assessment_cycle import open_page, sign_in

# Person × field pairs in the seeded organisation: E1001 in Service Desk, E1002 and E1003 in V2 Service desk.
PAIRS = 3


def png_pixels(data):
    """Width, height and the rows of pixels (tuples of channel values) of an 8-bit RGB or RGBA PNG, decoded with
    the standard library only: chunks, zlib, then the per-row filters of the PNG specification."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "a PNG"
    position, header, compressed = 8, None, b""
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position : position + 8])
        body = data[position + 8 : position + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            compressed += body
        position += 12 + length
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in (2, 6) and interlace == 0, f"an 8-bit RGB(A) PNG, not {header}"
    channels = 3 if colour == 2 else 4
    stride = width * channels
    raw = zlib.decompress(compressed)
    rows, previous = [], bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                estimate = left + up - corner
                distances = (abs(estimate - left), abs(estimate - up), abs(estimate - corner))
                line[i] = (line[i] + (left, up, corner)[distances.index(min(distances))]) & 0xFF
        rows.append([tuple(line[x : x + channels]) for x in range(0, stride, channels)])
        previous = line
    return width, height, rows


def rgb(colour):
    """`#rrggbb` or `rgb(r, g, b)` as a tuple."""
    if colour.startswith("#"):
        return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return tuple(int(part) for part in re.findall(r"\d+", colour)[:3])


def check_drawn(browser, element, artifacts, name, colours):
    """The chart is displayed with a real size, and its screenshot (saved as `name`.png) shows a drawing: several
    colours, at least 1% of it not background, and each of `colours` (what the markup says the shapes are filled
    with) on screen."""
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    assert element.is_displayed(), f"{name} is displayed"
    size = element.size
    assert size["width"] > 100 and size["height"] > 100, f"{name} has a real size: {size}"
    png = element.screenshot_as_png
    (artifacts / f"{name}.png").write_bytes(png)
    width, height, rows = png_pixels(png)
    counts = {}
    for row in rows:
        for pixel in row:
            counts[pixel[:3]] = counts.get(pixel[:3], 0) + 1
    assert len(counts) > 8, f"{name}: only {len(counts)} colours in the screenshot"
    background = max(counts.values())
    assert width * height - background > 0.01 * width * height, f"{name}: {background} of {width * height} pixels are background"
    for colour in colours:
        assert rgb(colour) in counts, f"{name}: no pixel of {colour}"


def polygon_points(polygon):
    return [point for point in polygon.get_attribute("points").split(" ") if point]


def test_charts_as_hr(browser, base_url, accounts, artifacts):
    login, password = accounts["hr"]
    items = int(os.environ["ITSS_CHART_ITEMS"])
    sign_in(browser, base_url, login, password)

    # --- The radar chart of E1002's profile: one axis per item of V2 Service desk, each series a polygon with a
    # point per axis; the official series reaches level 2 on some axis.
    open_page(browser, base_url + "/people/E1002")
    radar = browser.find_element(By.CSS_SELECTOR, "svg.chart.radar")
    assert len(radar.find_elements(By.CSS_SELECTOR, "text.axis-label")) == items
    polygons = radar.find_elements(By.CSS_SELECTOR, "g.series polygon")
    assert polygons, "at least one series"
    for polygon in polygons:
        assert len(polygon_points(polygon)) == items, polygon.get_attribute("points")
    assert all(polygon.size["width"] > 20 and polygon.size["height"] > 20 for polygon in polygons), "the areas are drawn"
    legend = radar.find_elements(By.CSS_SELECTOR, "g.series rect")
    fills = [browser.execute_script("return getComputedStyle(arguments[0]).fill", rect) for rect in legend]
    assert len(fills) == len(polygons) and len(set(fills)) == len(fills), fills
    check_drawn(browser, radar, artifacts, "chart-radar-E1002", fills)

    # --- The heatmap of the whole organisation: a row per specialty field, a column per level plus "below" and
    # "not assessed"; every cell a level defines is a coloured rectangle; the counts add up to the people × field
    # pairs; V2 Service desk has one person at level 1 and one at level 2.
    open_page(browser, base_url + "/map")
    heatmap = browser.find_element(By.CSS_SELECTOR, "svg.chart.heatmap")
    rows = heatmap.find_elements(By.CSS_SELECTOR, "text.row-label")
    columns = heatmap.find_elements(By.CSS_SELECTOR, "text.column-label")
    assert len(columns) == 9, [column.text for column in columns]
    cells = heatmap.find_elements(By.CSS_SELECTOR, "rect.cell")
    hatched = heatmap.find_elements(By.CSS_SELECTOR, "rect[fill='url(#heatmap-undefined)']")
    assert len(rows) >= 7 and len(cells) + len(hatched) == len(rows) * len(columns), (len(rows), len(cells), len(hatched))
    titles = [title.get_attribute("textContent") for title in heatmap.find_elements(By.CSS_SELECTOR, "title")]
    counts = [int(match.group(1)) for title in titles for match in [re.search(r": (\d+) people$", title)] if match]
    assert len(counts) == len(cells) + len(hatched) and sum(counts) == PAIRS, (len(counts), sum(counts))
    assert "Service desk (V2 2006) — Level 1: 1 people" in titles, titles[:12]
    assert "Service desk (V2 2006) — Level 2: 1 people" in titles
    # The two non-empty V2 cells are darker than the empty ones (coloured by count).
    fills = {cell.get_attribute("fill") for cell in cells}
    assert "#f7f8fb" in fills and len(fills) >= 2, fills
    check_drawn(browser, heatmap, artifacts, "chart-heatmap", fills)

    # --- The trends: for V2 Service desk, stacked bars whose current quarter holds one person at level 1 and one at
    # level 2, and lines (moved up / down) with a point per quarter.
    open_page(browser, base_url + "/map/trends")
    sections = [
        section
        for section in browser.find_elements(By.CSS_SELECTOR, "section.trend")
        if "Service desk" in section.find_element(By.TAG_NAME, "h2").text
    ]
    assert len(sections) == 1, [section.find_element(By.TAG_NAME, "h2").text for section in sections]
    stacked, lines = sections[0].find_elements(By.CSS_SELECTOR, "svg.chart.trend")
    bars = [title.get_attribute("textContent") for title in stacked.find_elements(By.CSS_SELECTOR, "rect > title")]
    assert len(bars) == 2 and all(bar.endswith(": 1") for bar in bars), bars
    assert {bar.split(" · ")[1] for bar in bars} == {"Level 1: 1", "Level 2: 1"}, bars
    polylines = lines.find_elements(By.CSS_SELECTOR, "polyline")
    assert len(polylines) == 2, "moved up and moved down"
    dots = lines.find_elements(By.CSS_SELECTOR, "circle")
    assert len(dots) == 2 * len(polygon_points(polylines[0])) and len(polygon_points(polylines[0])) >= 2
    segments = [rect.get_attribute("fill") for rect in stacked.find_elements(By.CSS_SELECTOR, "rect") if rect.find_elements(By.TAG_NAME, "title")]
    check_drawn(browser, stacked, artifacts, "chart-trend-levels", segments)
    check_drawn(browser, lines, artifacts, "chart-trend-moves", [line.get_attribute("stroke") for line in polylines])
