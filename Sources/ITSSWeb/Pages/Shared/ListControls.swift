import Foundation
import Hummingbird
import ITSSStorage

/// Paging and sorting of a list page, read from the query string (`page`, `per_page`, `sort`, `dir`), and the
/// links that change them. Unknown or out-of-range values fall back to defaults rather than failing.
struct ListState: Sendable, Hashable {
    var page: Int = 1
    var perPage: Int = 50
    /// The sort key as the query names it; the page checks it against its own keys.
    var sort: String?
    var descending = false

    init(page: Int = 1, perPage: Int = 50, sort: String? = nil, descending: Bool = false) {
        self.page = max(1, page)
        self.perPage = min(max(1, perPage), 200)
        self.sort = sort
        self.descending = descending
    }

    /// The state a request's query string asks for.
    init(_ request: Request, defaultPerPage: Int = 50) {
        let query = request.queryForm
        self.init(
            page: query.string("page").flatMap { Int($0) } ?? 1,
            perPage: query.string("per_page").flatMap { Int($0) } ?? defaultPerPage,
            sort: query.string("sort"),
            descending: query.string("dir") == "desc")
    }

    var pageRequest: PageRequest { PageRequest(page: page, perPage: perPage) }
}

/// A link to a list page with its filters: the path and query pairs, percent-encoded.
struct ListLink: Sendable {
    var path: String
    /// Filters that every link of the list keeps (`unit`, `action`, `q`).
    var filters: [(String, String)] = []
    var state: ListState
    /// The query parameter that names the page: `page`, or its own for a list inside a larger page.
    var pageParameter = "page"

    /// The URL of `page` with the current sort and filters.
    func href(page: Int? = nil, sort: String? = nil, descending: Bool? = nil) -> String {
        var pairs = filters.filter { !$0.1.isEmpty }
        let sortKey = sort ?? state.sort
        if let sortKey { pairs.append(("sort", sortKey)) }
        if descending ?? state.descending { pairs.append(("dir", "desc")) }
        if state.perPage != 50 { pairs.append(("per_page", String(state.perPage))) }
        let target = page ?? state.page
        if target > 1 { pairs.append((pageParameter, String(target))) }
        guard !pairs.isEmpty else { return path }
        return path + "?" + pairs.map { HTML.percentEncoded($0.0) + "=" + HTML.percentEncoded($0.1) }.joined(separator: "&")
    }

    /// A column header that sorts by `key`: ascending on first click, reversed on the next. Marked with
    /// `aria-sort` when it is the current order.
    func sortHeader(_ label: String, key: String, current: String, numeric: Bool = false) -> HTML {
        let active = key == current
        let nextDescending = active ? !state.descending : false
        let arrow: HTML = active ? (state.descending ? " ▼" : " ▲") : .empty
        let ariaSort: HTML = active ? (state.descending ? " aria-sort=\"descending\"" : " aria-sort=\"ascending\"") : .empty
        let numericClass: HTML = numeric ? " class=\"num\"" : .empty
        return
            "<th\(numericClass)\(ariaSort)><a href=\"\(href(page: 1, sort: key, descending: nextDescending))\">\(label)\(arrow)</a></th>"
    }

    /// Previous / next links with "page N of M (T in all)".
    func pager(page: Int, pageCount: Int, total: Int, language: Language) -> HTML {
        guard pageCount > 1 else {
            return "<p class=\"muted\">\(ListText.count(language).replacingOccurrences(of: "{n}", with: String(total)))</p>"
        }
        let previous: HTML =
            page > 1
            ? "<a rel=\"prev\" href=\"\(href(page: min(page - 1, pageCount)))\">← \(ListText.previous(language))</a>" : .empty
        let next: HTML =
            page < pageCount ? "<a rel=\"next\" href=\"\(href(page: page + 1))\">\(ListText.next(language)) →</a>" : .empty
        let position = ListText.position(language).replacingOccurrences(of: "{page}", with: String(page))
            .replacingOccurrences(of: "{pages}", with: String(pageCount)).replacingOccurrences(of: "{n}", with: String(total))
        return "<nav class=\"pager\" aria-label=\"\(ListText.pages(language))\">\(previous)<span>\(position)</span>\(next)</nav>"
    }
}

enum ListText {
    static let previous = Localized("Previous", "前へ")
    static let next = Localized("Next", "次へ")
    static let pages = Localized("Pages", "ページ")
    static let position = Localized("Page {page} of {pages} ({n} in all)", "{pages} ページ中 {page} ページ目（全 {n} 件）")
    static let count = Localized("{n} in all", "全 {n} 件")
    static let pageEmpty = Localized(
        "This page is empty. Go back to the first page.", "このページには何もありません。最初のページに戻ってください。")
}

/// Why a submitted form was refused: the field that is wrong (as the form names it) and what is wrong.
struct FormRefusal: Sendable, Hashable {
    var field: String?
    var message: String
    /// The HTTP status of the re-rendered page (422, or 409 for a stale version).
    var status: HTTPResponse.Status = .unprocessableContent

    /// The refusal an error thrown by a lookup or use case stands for; `nil` for errors a form cannot fix (403,
    /// 5xx), which the caller rethrows. `fieldFor` names the form field a problem without one belongs to.
    static func from(_ error: any Error, fieldFor: (String) -> String? = { _ in nil }) -> FormRefusal? {
        let problem = Problem.from(error)
        guard [404, 409, 422, 400].contains(problem.status) else { return nil }
        let status: HTTPResponse.Status = problem.status == 409 ? .conflict : .unprocessableContent
        return FormRefusal(field: problem.field ?? fieldFor(problem.detail), message: problem.detail, status: status)
    }

    /// ` aria-invalid="true" aria-describedby="NAME-error"` when `name` is the wrong field.
    func marks(_ name: String) -> HTML {
        field == name ? " aria-invalid=\"true\" aria-describedby=\"\(name)-error\"" : .empty
    }

    /// The message next to the wrong field.
    func message(for name: String) -> HTML {
        field == name ? "<span id=\"\(name)-error\" class=\"field-error\">\(message)</span>" : .empty
    }

    /// The message at the top of the form: what happened, and the detail when no field shows it.
    func summary(_ language: Language, fields: [String]) -> HTML {
        let shownAtField = field.map(fields.contains) ?? false
        let detail: HTML = shownAtField ? .empty : " \(message)"
        return "<p class=\"error\" role=\"alert\">\(FormText.notSaved(language))\(detail)</p>"
    }
}

extension Optional where Wrapped == FormRefusal {
    func marks(_ name: String) -> HTML { self?.marks(name) ?? .empty }
    func message(for name: String) -> HTML { self?.message(for: name) ?? .empty }
    func summary(_ language: Language, fields: [String]) -> HTML { self?.summary(language, fields: fields) ?? .empty }
}

enum FormText {
    static let notSaved = Localized(
        "Nothing was saved: correct the marked field and send the form again.",
        "保存されていません。印の付いた項目を直して、もう一度送信してください。")
    static let optional = Localized("optional", "任意")
    static let adminOnly = Localized("administrators only", "管理者のみ")
}

/// An error of a lookup or use case attributed to the form field whose value caused it.
struct FieldError: Error {
    var field: String
    var underlying: any Error
}

/// Runs a lookup for one form field; its error names that field.
func attributing<T>(_ field: String, _ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch {
        throw FieldError(field: field, underlying: error)
    }
}

extension FormRefusal {
    /// Like `from(_:fieldFor:)`, and a `FieldError` names its field.
    static func of(_ error: any Error, fieldFor: (String) -> String? = { _ in nil }) -> FormRefusal? {
        if let attributed = error as? FieldError {
            var refusal = from(attributed.underlying)
            refusal?.field = attributed.field
            return refusal
        }
        return from(error, fieldFor: fieldFor)
    }
}

extension Request {
    /// The query string read like a submitted form: `+` is a space, then percent-decoding (what browsers send for
    /// a GET form; Hummingbird's `queryParameters` leaves `+` as it is).
    var queryForm: FormData { FormData(urlEncoded: uri.query ?? "") }
}

/// One page of a list that is read whole and paged in memory (a standard's diagnostics, an account's tokens: a
/// few dozen items at most).
struct PagedItems<Item: Sendable>: Sendable {
    var items: [Item]
    var page: Int
    var perPage: Int
    var total: Int

    var pageCount: Int { total == 0 ? 1 : (total + perPage - 1) / perPage }

    init(items: [Item], page: Int, perPage: Int, total: Int) {
        self.items = items
        self.page = page
        self.perPage = perPage
        self.total = total
    }

    /// The page of `all` that `state` asks for.
    init(all: [Item], state: ListState) {
        let start = min((state.page - 1) * state.perPage, all.count)
        self.init(
            items: Array(all[start..<min(start + state.perPage, all.count)]), page: state.page, perPage: state.perPage,
            total: all.count)
    }
}

/// A list shown inside a larger page (a person's assessments on *My skills*, their level history on the profile):
/// which page of it is shown, under its own query parameter, so that each list pages on its own.
struct SubList: Sendable, Hashable {
    /// The query parameter, e.g. `assessments_page`.
    var parameter: String
    var page: Int
    var pageCount: Int
    var total: Int

    /// How many items a page of such a list holds.
    static let perPage = 20

    /// The page a request asks for under `parameter` (1 when absent or not a number).
    static func requestedPage(_ request: Request, _ parameter: String) -> PageRequest {
        PageRequest(page: request.queryForm.string(parameter).flatMap { Int($0) } ?? 1, perPage: perPage)
    }

    init(parameter: String, page: Int = 1, pageCount: Int = 1, total: Int = 0) {
        self.parameter = parameter
        self.page = page
        self.pageCount = pageCount
        self.total = total
    }

    init<Item>(_ page: Page<Item>, parameter: String) {
        self.parameter = parameter
        self.page = page.page
        pageCount = page.pageCount
        total = page.total
    }

    /// Previous / next links for this list; the other lists of the page keep their pages.
    func pager(path: String, keeping others: [SubList], language: Language) -> HTML {
        let kept = others.filter { $0.parameter != parameter && $0.page > 1 }.map { ($0.parameter, String($0.page)) }
        return ListLink(path: path, filters: kept, state: ListState(page: page), pageParameter: parameter).pager(
            page: page, pageCount: pageCount, total: total, language: language)
    }
}
