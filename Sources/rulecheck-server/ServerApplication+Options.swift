import Foundation
import ServiceOptions

extension ServerApplication.Settings {
    /// The settings the command-line options choose.
    init(_ options: ServiceOptions) {
        self.init()
        rules = options.rules
        host = options.host
        port = options.port
        decisionLog = options.decisionLog
        contact = options.contact
        reloadInterval = options.reloadInterval == 0 ? nil : .seconds(options.reloadInterval)
        limits = RequestLimits(
            maxBodyBytes: options.maxBodyBytes, maxItems: options.maxItems, maxBatchBytes: options.maxBatchBytes,
            maxBatchStreams: options.maxBatchStreams ?? RequestLimits.defaultBatchStreams)
    }
}
