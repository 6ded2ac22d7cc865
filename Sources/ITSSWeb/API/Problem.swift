import Foundation
import HTTPTypes
import ITSSDomain
import ITSSStorage

/// An RFC 9457 problem: the body of every API error (`application/problem+json`), and what the HTML error page
/// shows. `field` names the request field that is wrong, where one is.
public struct Problem: Error, Codable, Sendable, Hashable {
    public var type: String
    public var title: String
    public var status: Int
    public var detail: String
    /// The offending field as the request named it (`joined_on`, `If-Match`, `level`).
    public var field: String?

    public init(status: HTTPResponse.Status, detail: String, field: String? = nil, type: String? = nil) {
        self.type = type ?? "about:blank"
        self.title = status.reasonPhrase
        self.status = status.code
        self.detail = detail
        self.field = field
    }

    public var httpStatus: HTTPResponse.Status { HTTPResponse.Status(code: status) }

    /// 404 for something the request names that does not exist (or that the principal may not see: the answer is
    /// the same, so guessing tells nothing).
    public static func notFound(_ what: String, field: String? = nil) -> Problem {
        Problem(status: .notFound, detail: "\(what) does not exist", field: field)
    }

    /// 400 for a malformed request value.
    public static func badRequest(_ detail: String, field: String? = nil) -> Problem {
        Problem(status: .badRequest, detail: detail, field: field)
    }

    /// The problem an error thrown by a use case or a decoder stands for. Errors not listed here become a 500
    /// whose detail says nothing of the internals (the log has them).
    public static func from(_ error: any Error) -> Problem {
        switch error {
        case let problem as Problem:
            return problem
        case let named as FieldError:
            var problem = from(named.underlying)
            problem.field = named.field
            return problem
        case let input as InputError:
            return Problem(status: .unprocessableContent, detail: input.message, field: input.field)
        case let denied as AccessDenied:
            return Problem(status: .forbidden, detail: denied.description)
        case let storage as StorageError:
            return from(storage)
        case let decoding as DecodingError:
            return from(decoding)
        case let rule as AssessmentRuleError:
            return from(rule)
        case let gap as GapError:
            return Problem(status: .unprocessableContent, detail: gap.errorDescription ?? "\(gap)", field: "target")
        case let refusal as SignInRefusal:
            switch refusal {
            case .invalidCredentials:
                return Problem(status: .unauthorized, detail: "no active account matches these credentials")
            case .tooManyAttempts:
                return Problem(status: .tooManyRequests, detail: "too many failed sign-ins for this login; try again later")
            }
        default:
            return Problem(status: .internalServerError, detail: "the server failed; the error is in its log")
        }
    }

    /// A workflow rule of assessments: who may rate, approve, return; what a submission needs.
    private static func from(_ error: AssessmentRuleError) -> Problem {
        let detail = error.errorDescription ?? "\(error)"
        switch error {
        case .ratingNotDefined: return Problem(status: .unprocessableContent, detail: detail, field: "level")
        case .unknownItem: return Problem(status: .notFound, detail: detail)
        case .commentRequired: return Problem(status: .unprocessableContent, detail: detail, field: "comment")
        case .missingEvaluatorReasons: return Problem(status: .unprocessableContent, detail: detail, field: "reason")
        case .notThePerson, .notAnEvaluator, .ownAssessment: return Problem(status: .forbidden, detail: detail)
        case .approvedIsImmutable, .wrongState: return Problem(status: .conflict, detail: detail)
        case .duplicateRating, .missingSelfRatings, .missingEvaluatorRatings:
            return Problem(status: .unprocessableContent, detail: detail)
        }
    }

    private static func from(_ error: StorageError) -> Problem {
        let detail = error.errorDescription ?? "\(error)"
        switch error {
        case let .notFound(what, _):
            // No suggestions: they could name other people's employee numbers.
            return Problem(status: .notFound, detail: "\(what) does not exist")
        case .conflict:
            return Problem(status: .conflict, detail: detail)
        case .alreadyExists:
            return Problem(status: .conflict, detail: detail)
        case .refused, .standardDiffers, .failed:
            return Problem(status: .unprocessableContent, detail: detail)
        case .forbidden:
            return Problem(status: .forbidden, detail: detail)
        case .busy, .unavailable:
            return Problem(status: .serviceUnavailable, detail: detail)
        case .corrupt:
            return Problem(status: .internalServerError, detail: "the database is not in the expected shape")
        }
    }

    private static func from(_ error: DecodingError) -> Problem {
        func name(_ path: [any CodingKey]) -> String? {
            path.isEmpty ? nil : path.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case let .keyNotFound(key, context):
            return .badRequest("is required", field: name(context.codingPath + [key]))
        case let .typeMismatch(type, context):
            return .badRequest("expected \(describe(type))", field: name(context.codingPath))
        case let .valueNotFound(type, context):
            return .badRequest("expected \(describe(type)), got null", field: name(context.codingPath))
        case let .dataCorrupted(context):
            return .badRequest(
                context.codingPath.isEmpty ? "the body is not valid JSON" : context.debugDescription,
                field: name(context.codingPath))
        @unknown default:
            return .badRequest("the body cannot be read")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type: "an integer"
        case is Bool.Type: "true or false"
        default: "a value of another type"
        }
    }
}
