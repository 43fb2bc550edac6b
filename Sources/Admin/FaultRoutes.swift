public import HTTP
public import Engine
import JSON
import Scenarios

/// `/__admin/faults`: a namespace's fault rules (create, list with counters, delete one, clear) and
/// the totals injected so far. Rule syntax: docs/FAULTS.md.
public struct FaultRoutes: Sendable {
    let engine: Engine

    public init(engine: Engine) {
        self.engine = engine
    }

    public func register(on router: inout Router) {
        router.add(.post, "/__admin/faults") { request in
            let namespace = try AdminRoutes.namespace(request)
            guard !request.body.isEmpty else {
                throw AdminError(.badRequest, "invalid_fault", "the body must be a fault rule, e.g. {\"kind\":\"status\",\"params\":{\"code\":503},\"calls\":{\"nth\":3}}")
            }
            guard let value = JSONValue.parse(request.body) else {
                throw AdminError(.badRequest, "invalid_json", "the body is not valid JSON")
            }
            let rule: FaultRule
            do {
                rule = try FaultRule.parse(value)
            } catch {
                throw AdminError(.badRequest, "invalid_fault", "\(error)")
            }
            let added = try await AdminRoutes.engineCall { try await engine.addFault(rule, namespace: namespace) }
            return AdminRoutes.json(.created, Self.json(added))
        }
        router.add(.get, "/__admin/faults") { request in
            let namespace = try AdminRoutes.namespace(request)
            let faults = try await AdminRoutes.engineCall { try await engine.faults(namespace: namespace) }
            let totals = try await AdminRoutes.engineCall { try engine.injectedFaultTotals() }
            return AdminRoutes.json(.ok, .object([
                "namespace": .string(namespace),
                "faults": .array(faults.map(Self.json)),
                "injected_totals": .object(totals.mapValues { .int($0) }),
            ]))
        }
        router.add(.delete, "/__admin/faults/:id") { request in
            let namespace = try AdminRoutes.namespace(request)
            let id = request.pathParameters["id"] ?? ""
            guard try await AdminRoutes.engineCall({ try await engine.deleteFault(id: id, namespace: namespace) }) else {
                throw AdminError(.notFound, "not_found", "no fault \(id) in namespace \(namespace)")
            }
            return AdminRoutes.json(.ok, .object(["deleted": .string(id), "namespace": .string(namespace)]))
        }
        router.add(.delete, "/__admin/faults") { request in
            let namespace = try AdminRoutes.namespace(request)
            let count = try await AdminRoutes.engineCall { try await engine.clearFaults(namespace: namespace) }
            return AdminRoutes.json(.ok, .object(["cleared": .int(Int64(count)), "namespace": .string(namespace)]))
        }
    }

    /// A rule as listed: its own JSON plus where it came from and its counters.
    static func json(_ fault: ActiveFault) -> JSONValue {
        guard case .object(var object) = fault.rule.json else { return fault.rule.json }
        object["source"] = .string(fault.source)
        object["matched"] = .int(fault.matched)
        object["hits"] = .int(fault.hits)
        object["created_at"] = .string(fault.createdAt.iso8601)
        return .object(object)
    }
}
