extension VarlinkServer {
    /// The interface every Varlink service offers, as the protocol defines it.
    public static let serviceInterfaceDescription = """
        # The Varlink service interface, offered by every Varlink service: what the service is and which
        # interfaces it implements.
        interface org.varlink.service

        # The service's vendor, product, version and URL, and the interfaces it implements.
        method GetInfo() -> (
          vendor: string,
          product: string,
          version: string,
          url: string,
          interfaces: []string
        )

        # The description of one interface the service implements.
        method GetInterfaceDescription(interface: string) -> (description: string)

        # No such interface here.
        error InterfaceNotFound (interface: string)

        # The interface has no such method.
        error MethodNotFound (method: string)

        # The interface declares the method but the service does not implement it.
        error MethodNotImplemented (method: string)

        # A parameter is missing or invalid.
        error InvalidParameter (parameter: string)

        # The caller may not do this.
        error PermissionDenied ()

        # The method must be called with 'more' set.
        error ExpectedMore ()

        """

    private struct ServiceInfo: Encodable {
        var vendor: String
        var product: String
        var version: String
        var url: String
        var interfaces: [String]
    }

    private struct DescriptionRequest: Decodable {
        var interface: String
    }

    private struct DescriptionReply: Encodable {
        var description: String
    }

    /// Installs `org.varlink.service`; its handlers read the server's registry when called.
    func registerServiceInterface() {
        // The text above is fixed and known to parse.
        var service = try! VarlinkInterface(description: Self.serviceInterfaceDescription)
        service.method("GetInfo") { [unowned self] (_: VarlinkEmpty, _) in
            ServiceInfo(
                vendor: info.vendor, product: info.product, version: info.version, url: info.url,
                interfaces: registeredInterfaceNames)
        }
        service.method("GetInterfaceDescription") { [unowned self] (request: DescriptionRequest, _) in
            guard let interface = interface(named: request.interface) else {
                throw VarlinkError.interfaceNotFound(request.interface)
            }
            return DescriptionReply(description: interface.descriptionText)
        }
        install(service)
    }
}
