import Engine
import HTTP
import JSON

/// The service's part in a build's lifecycle: the version rule and the namespace's build queue.
///
/// The queue. A namespace has `slots` parallel build slots. Every build scenario starts (possibly
/// after a backlog delay) in a *parked* step: state `queued`, no timer, waiting for the event
/// `start`. Whenever a build enters a parked step, it sends itself `start` if a slot is free;
/// otherwise it stays parked. A build holds its slot from the step `start` leads to until it reaches
/// a terminal step; there it gives the slot back and sends `start` to the oldest parked builds, as
/// many as slots are free. All of it runs inside the transition's write transaction (hooks run on
/// the store's single writer), so the busy count cannot be raced, survives restarts, and a build
/// starts at the exact virtual time the slot freed: `clock/advance` shows the whole cascade.
struct BuildLifecycle: LifecycleHooks {
    let slots: Int

    static let startEvent = "start"
    static let queuedState = "queued"
    /// Namespace value: how many builds hold a slot now.
    static let busyKey = "build-slots/busy"
    /// Marks, in the build's document, that it holds a slot, so only holders give one back.
    static let slotMarker = "holdsBuildSlot"

    func entered(_ entry: StepEntry, job: inout Job, context: inout HookContext) {
        if entry.trigger == "create", let error = recordVersion(of: job, context: context) {
            context.reject(error)
            return
        }
        if entry.trigger == "event:" + Self.startEvent, job.data[Self.slotMarker] == nil {
            job.data[Self.slotMarker] = .bool(true)
            setBusy(busy(context) + 1, context)
        }
        if entry.isTerminal {
            if job.data.removeValue(forKey: Self.slotMarker) != nil {
                setBusy(max(0, busy(context) - 1), context)
            }
            let free = slots - busy(context)
            guard free > 0 else { return }
            // The job's own row still shows its previous step; one that ends while parked must not
            // count as a waiting build.
            let waiting = context.waitingJobs(state: Self.queuedState, limit: free + 1).filter { $0 != job.id }
            for id in waiting.prefix(free) {
                context.send(event: Self.startEvent, toJob: id)
            }
        } else if entry.state == Self.queuedState, job.dueAt == nil, busy(context) < slots {
            // Parked with a slot free: nobody older can be waiting (they would have been started
            // when that slot freed), so take it now.
            context.send(event: Self.startEvent, toJob: job.id)
        }
    }

    func busy(_ context: HookContext) -> Int {
        if case .int(let count)? = context.storedValue(forKey: Self.busyKey) { return Int(count) }
        return 0
    }

    func setBusy(_ count: Int, _ context: HookContext) {
        context.setStoredValue(.int(Int64(count)), forKey: Self.busyKey)
    }

    /// API.md §D: the version must be higher than the highest of earlier builds of the same
    /// (bundleId, platform) in the namespace. Checked and recorded in the creating transaction, so
    /// two concurrent requests with the same version cannot both pass.
    /// - Returns: the 400 to answer with, or nil when the version is higher (and now recorded).
    func recordVersion(of job: Job, context: HookContext) -> AppBuildsError? {
        guard let bundleId = job.request[path: "bundleId"]?.stringValue,
              let platform = job.request[path: "platform"]?.stringValue,
              let text = job.request[path: "version"]?.stringValue else { return nil }
        let key = "highest-version/\(platform)/\(bundleId)"
        // The first build of an app (most creates) is recorded in one statement, with nothing to
        // compare, so its version is not parsed again here (`BuildRequest` checked it is semver).
        if context.storeValueIfAbsent(.string(text), forKey: key) { return nil }
        guard let version = SemanticVersion(text) else { return nil }
        if let previousText = context.storedValue(forKey: key)?.stringValue,
           let previous = SemanticVersion(previousText), version.compare(to: previous) <= 0 {
            return AppBuildsError(.badRequest, code: "version_not_higher",
                                  message: "`version` \(text) must be higher than \(previousText), the highest version already built for \(bundleId) on \(platform).")
        }
        context.setStoredValue(.string(text), forKey: key)
        return nil
    }
}
