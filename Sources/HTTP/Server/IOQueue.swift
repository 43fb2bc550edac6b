import Dispatch

/// A serial queue shared by many connections, with the one read buffer they take turns using.
///
/// `@unchecked Sendable`: `readBuffer` is only touched on `queue`. The queue is serial, so one
/// connection reads into the buffer at a time, and no connection keeps bytes in it beyond one event
/// handler (the parser copies what it keeps). Ten thousand idle connections therefore hold no read
/// buffers at all.
final class IOQueue: @unchecked Sendable {
    let queue: DispatchQueue
    let readBuffer: UnsafeMutableRawBufferPointer

    init(label: String, readBufferBytes: Int = 64 << 10) {
        queue = DispatchQueue(label: label)
        readBuffer = .allocate(byteCount: readBufferBytes, alignment: 16)
    }

    deinit {
        readBuffer.deallocate()
    }
}
