// Generated from openapi/*.yaml by src/openapi/operation-types.ts: do not edit.
// Regenerate with `npm run build && node dist/src/openapi/generate-operation-types.js`.
/* eslint-disable */
export interface operations {
    activateSignup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The id of the organization. */
                    organization_id: string;
                    /** @description The user to create in the organization. */
                    user: {
                        /**
                         * Format: email
                         * @description The email address of the user.
                         */
                        email?: string;
                        /** @description The given name of the user. */
                        given_name?: string;
                        /** @description The family name of the user. */
                        family_name?: string;
                    };
                };
            };
        };
        responses: never;
    };
    advanceEmulatorClock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    seconds?: number;
                    ms?: number;
                };
            };
        };
        responses: never;
    };
    advanceEmulatorResource: {
        parameters: {
            query?: {
                organization_id?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    to?: "next" | "settled";
                };
            };
        };
        responses: never;
    };
    getRestProxyV2Assignments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                group_name: string;
                instance: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    assignRestProxyV2Partitions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                group_name: string;
                instance: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    partitions: {
                        topic: string;
                        partition: number;
                    }[];
                };
            };
        };
        responses: never;
    };
    batchCreateKafkaAcls: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cluster_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: {
                        /** @enum {string} */
                        resource_type: "UNKNOWN" | "ANY" | "TOPIC" | "GROUP" | "CLUSTER" | "TRANSACTIONAL_ID" | "DELEGATION_TOKEN";
                        resource_name: string;
                        /** @enum {string} */
                        pattern_type: "UNKNOWN" | "ANY" | "MATCH" | "LITERAL" | "PREFIXED";
                        /** @description For example User:sa-abc123. */
                        principal: string;
                        /** @description For example *. */
                        host: string;
                        /** @enum {string} */
                        operation: "UNKNOWN" | "ANY" | "ALL" | "READ" | "WRITE" | "CREATE" | "DELETE" | "ALTER" | "DESCRIBE" | "CLUSTER_ACTION" | "DESCRIBE_CONFIGS" | "ALTER_CONFIGS" | "IDEMPOTENT_WRITE";
                        /** @enum {string} */
                        permission: "UNKNOWN" | "ANY" | "DENY" | "ALLOW";
                    }[];
                };
            };
        };
        responses: never;
    };
    listEmulatorFaults: {
        parameters: {
            query?: {
                organization_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    createEmulatorFault: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    operation_id?: string;
                    method?: string;
                    path_prefix?: string;
                    organization_id?: string;
                    api_key?: string;
                    status?: number;
                    /** @description The management `code`, or the numeric `error_code` of the flat dialects. */
                    error_code?: string | number;
                    message?: string;
                    retry_after_seconds?: number;
                    /** @enum {string} */
                    transport?: "reset";
                    delay_ms?: number;
                    commit?: boolean;
                    times?: number;
                    after?: number;
                    probability?: number;
                    seed?: number;
                };
            };
        };
        responses: never;
    };
    clearEmulatorFaults: {
        parameters: {
            query?: {
                organization_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    listEmulatorRequests: {
        parameters: {
            query?: {
                operation_id?: string;
                method?: string;
                status?: number;
                organization_id?: string;
                path_prefix?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    clearEmulatorRequests: {
        parameters: {
            query?: {
                organization_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    getRestProxyV2CommittedOffsets: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                group_name: string;
                instance: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    commitRestProxyV2Offsets: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                group_name: string;
                instance: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    offsets?: {
                        topic: string;
                        partition: number;
                        offset: number;
                        metadata?: string;
                    }[];
                };
            };
        };
        responses: never;
    };
    updateBusinessMetadata: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The business metadata name. */
                    typeName?: string;
                    /** @description The attribute values, by attribute name. */
                    attributes?: Record<string, never>;
                    /** @description The entity type. */
                    entityType?: string;
                    /** @description The entity's qualified name. */
                    entityName?: string;
                }[];
            };
        };
        responses: never;
    };
    createBusinessMetadata: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The business metadata name. */
                    typeName?: string;
                    /** @description The attribute values, by attribute name. */
                    attributes?: Record<string, never>;
                    /** @description The entity type. */
                    entityType?: string;
                    /** @description The entity's qualified name. */
                    entityName?: string;
                }[];
            };
        };
        responses: never;
    };
    getAllBusinessMetadataDefs: {
        parameters: {
            query?: {
                prefix?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    updateBusinessMetadataDefs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description The category: CLASSIFICATION for tags, BUSINESS_METADATA for business metadata (set by the server).
                     * @enum {string}
                     */
                    category?: "PRIMITIVE" | "OBJECT_ID_TYPE" | "ENUM" | "STRUCT" | "CLASSIFICATION" | "ENTITY" | "ARRAY" | "MAP" | "RELATIONSHIP" | "BUSINESS_METADATA";
                    /** @description The definition's id (set by the server). */
                    guid?: string;
                    /** @description Who created it: the API key (set by the server). */
                    createdBy?: string;
                    /** @description Who last updated it (set by the server). */
                    updatedBy?: string;
                    /**
                     * Format: int64
                     * @description When it was created, in epoch milliseconds (set by the server).
                     */
                    createTime?: number;
                    /**
                     * Format: int64
                     * @description When it was last updated, in epoch milliseconds (set by the server).
                     */
                    updateTime?: number;
                    /**
                     * Format: int32
                     * @description The definition's version: 1, then one more per update (set by the server).
                     */
                    version?: number;
                    /** @description The name, unique among the definitions of its kind. */
                    name?: string;
                    /** @description The description. */
                    description?: string;
                    /** @description The type version. */
                    typeVersion?: string;
                    /** @description The service type. */
                    serviceType?: string;
                    /** @description Options, as strings. Business metadata: `applicableEntityTypes`, a JSON list of the entity types it applies to. */
                    options?: {
                        [key: string]: string;
                    };
                    /** @description The attributes instances carry. */
                    attributeDefs?: {
                        /** @description The attribute name. */
                        name?: string;
                        /** @description The attribute type. */
                        typeName?: string;
                        /** @description Whether instances may leave it out (default true). */
                        isOptional?: boolean;
                        /**
                         * @description The cardinality.
                         * @enum {string}
                         */
                        cardinality?: "SINGLE" | "LIST" | "SET";
                        /**
                         * Format: int32
                         * @description The minimum number of values.
                         */
                        valuesMinCount?: number;
                        /**
                         * Format: int32
                         * @description The maximum number of values.
                         */
                        valuesMaxCount?: number;
                        /** @description Whether values are unique. */
                        isUnique?: boolean;
                        /** @description Whether it is indexed. */
                        isIndexable?: boolean;
                        /** @description Whether notifications include it. */
                        includeInNotification?: boolean;
                        /** @description The default value. */
                        defaultValue?: string;
                        /** @description The description. */
                        description?: string;
                        /**
                         * Format: int32
                         * @description The search weight.
                         */
                        searchWeight?: number;
                        /**
                         * @description The index type.
                         * @enum {string}
                         */
                        indexType?: "DEFAULT" | "STRING";
                        /** @description The constraints. */
                        constraints?: {
                            /** @description The constraint type. */
                            type?: string;
                            /** @description Its parameters. */
                            params?: {
                                [key: string]: Record<string, never>;
                            };
                        }[];
                        /** @description Options, as strings: `maxStrLength` caps string values. */
                        options?: {
                            [key: string]: string;
                        };
                        /** @description The display name. */
                        displayName?: string;
                    }[];
                }[];
            };
        };
        responses: never;
    };
    createBusinessMetadataDefs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description The category: CLASSIFICATION for tags, BUSINESS_METADATA for business metadata (set by the server).
                     * @enum {string}
                     */
                    category?: "PRIMITIVE" | "OBJECT_ID_TYPE" | "ENUM" | "STRUCT" | "CLASSIFICATION" | "ENTITY" | "ARRAY" | "MAP" | "RELATIONSHIP" | "BUSINESS_METADATA";
                    /** @description The definition's id (set by the server). */
                    guid?: string;
                    /** @description Who created it: the API key (set by the server). */
                    createdBy?: string;
                    /** @description Who last updated it (set by the server). */
                    updatedBy?: string;
                    /**
                     * Format: int64
                     * @description When it was created, in epoch milliseconds (set by the server).
                     */
                    createTime?: number;
                    /**
                     * Format: int64
                     * @description When it was last updated, in epoch milliseconds (set by the server).
                     */
                    updateTime?: number;
                    /**
                     * Format: int32
                     * @description The definition's version: 1, then one more per update (set by the server).
                     */
                    version?: number;
                    /** @description The name, unique among the definitions of its kind. */
                    name?: string;
                    /** @description The description. */
                    description?: string;
                    /** @description The type version. */
                    typeVersion?: string;
                    /** @description The service type. */
                    serviceType?: string;
                    /** @description Options, as strings. Business metadata: `applicableEntityTypes`, a JSON list of the entity types it applies to. */
                    options?: {
                        [key: string]: string;
                    };
                    /** @description The attributes instances carry. */
                    attributeDefs?: {
                        /** @description The attribute name. */
                        name?: string;
                        /** @description The attribute type. */
                        typeName?: string;
                        /** @description Whether instances may leave it out (default true). */
                        isOptional?: boolean;
                        /**
                         * @description The cardinality.
                         * @enum {string}
                         */
                        cardinality?: "SINGLE" | "LIST" | "SET";
                        /**
                         * Format: int32
                         * @description The minimum number of values.
                         */
                        valuesMinCount?: number;
                        /**
                         * Format: int32
                         * @description The maximum number of values.
                         */
                        valuesMaxCount?: number;
                        /** @description Whether values are unique. */
                        isUnique?: boolean;
                        /** @description Whether it is indexed. */
                        isIndexable?: boolean;
                        /** @description Whether notifications include it. */
                        includeInNotification?: boolean;
                        /** @description The default value. */
                        defaultValue?: string;
                        /** @description The description. */
                        description?: string;
                        /**
                         * Format: int32
                         * @description The search weight.
                         */
                        searchWeight?: number;
                        /**
                         * @description The index type.
                         * @enum {string}
                         */
                        indexType?: "DEFAULT" | "STRING";
                        /** @description The constraints. */
                        constraints?: {
                            /** @description The constraint type. */
                            type?: string;
                            /** @description Its parameters. */
                            params?: {
                                [key: string]: Record<string, never>;
                            };
                        }[];
                        /** @description Options, as strings: `maxStrLength` caps string values. */
                        options?: {
                            [key: string]: string;
                        };
                        /** @description The display name. */
                        displayName?: string;
                    }[];
                }[];
            };
        };
        responses: never;
    };
    listByokV1Keys: {
        parameters: {
            query?: {
                provider?: "AWS" | "GCP" | "AZURE";
                state?: "AVAILABLE" | "IN_USE";
                page_size?: number;
                page_token?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    createByokV1Key: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The cloud-specific key details. */
                    key: {
                        /**
                         * @description The kind of this object: AwsKey.
                         * @enum {string}
                         */
                        kind: "AwsKey";
                        /** @description The Amazon Resource Name of the AWS KMS key. */
                        key_arn: string;
                        /** @description The IAM role ARNs created for the key; set by the server. */
                        readonly roles?: string[];
                    } | {
                        /**
                         * @description The kind of this object: AzureKey.
                         * @enum {string}
                         */
                        kind: "AzureKey";
                        /** @description The Azure Key Vault key identifier, without its version. */
                        key_id: string;
                        /** @description The resource id of the Azure Key Vault. */
                        key_vault_id: string;
                        /**
                         * Format: uuid
                         * @description The Azure tenant id.
                         */
                        tenant_id: string;
                        /** @description The application id created for the key; set by the server. */
                        readonly application_id?: string;
                    } | {
                        /**
                         * @description The kind of this object: GcpKey.
                         * @enum {string}
                         */
                        kind: "GcpKey";
                        /** @description The Google Cloud KMS key identifier (projects/.../cryptoKeys/...). */
                        key_id: string;
                        /** @description The Google security group created for the key; set by the server. */
                        readonly security_group?: string;
                    };
                };
            };
        };
        responses: never;
    };
    listCdxV1ProviderShares: {
        parameters: {
            query?: {
                shared_resource?: string;
                crn?: string;
                include_deleted?: boolean;
                page_size?: number;
                page_token?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    createCdxV1ProviderShare: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description How the invitation is delivered. An extensible enum; EMAIL is the only method (case is ignored, as the Confluent CLI sends Email). */
                    delivery_method: string;
                    /** @description Who may redeem the share. */
                    consumer_restriction: {
                        /**
                         * @description The kind of this object: Email.
                         * @enum {string}
                         */
                        kind: "Email";
                        /**
                         * Format: email
                         * @description The email address of the consumer.
                         */
                        email: string;
                    };
                    /** @description The CRNs of the shared resources. */
                    resources: string[];
                };
            };
        };
        responses: never;
    };
    listCmkV2Clusters: {
        parameters: {
            query: {
                environment: string;
                "spec.network"?: string[];
                page_size?: number;
                page_token?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    createCmkV2Cluster: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    spec: {
                        /** @description A human-readable name for the cluster. */
                        display_name: string;
                        /**
                         * @description The availability zone configuration.
                         * @enum {string}
                         */
                        availability: "SINGLE_ZONE" | "MULTI_ZONE" | "LOW" | "HIGH";
                        /**
                         * @description The cloud service provider.
                         * @enum {string}
                         */
                        cloud: "AWS" | "GCP" | "AZURE";
                        /** @description The cloud region. */
                        region: string;
                        /** @description The cluster type and its parameters. Basic can be upgraded to Standard; no cluster can be downgraded. */
                        config: {
                            /** @enum {string} */
                            kind: "Basic";
                            /** @description The most eCKUs the cluster may scale to. */
                            max_ecku?: number;
                        } | {
                            /** @enum {string} */
                            kind: "Standard";
                            /** @description The most eCKUs the cluster may scale to. */
                            max_ecku?: number;
                        } | {
                            /** @enum {string} */
                            kind: "Enterprise";
                            /** @description The most eCKUs the cluster may scale to. */
                            max_ecku?: number;
                        } | {
                            /** @enum {string} */
                            kind: "Dedicated";
                            /** @description The number of CKUs. */
                            cku: number;
                            /** @description The zones the cluster runs in. */
                            zones?: string[];
                            /** @description The key for self-managed encryption (deprecated; use byok). */
                            encryption_key?: string;
                            /**
                             * @description When the cluster gets updates.
                             * @enum {string}
                             */
                            release_priority?: "REGULAR" | "PRIORITY";
                        } | {
                            /** @enum {string} */
                            kind: "Freight";
                            /** @description The most eCKUs the cluster may scale to. */
                            max_ecku?: number;
                            /** @description The zones the cluster runs in. */
                            zones?: string[];
                        };
                        /** @description While true, the cluster cannot be deleted. */
                        deletion_protection?: boolean;
                        /** @description A reference to an object scoped to an environment. */
                        environment: {
                            id: string;
                            readonly environment?: string;
                            /** Format: uri */
                            readonly related?: string;
                            /** Format: uri */
                            readonly resource_name?: string;
                        };
                        /** @description A reference to an object scoped to an environment. */
                        network?: {
                            id: string;
                            readonly environment?: string;
                            /** Format: uri */
                            readonly related?: string;
                            /** Format: uri */
                            readonly resource_name?: string;
                        };
                        /** @description A reference to an object that is not scoped to an environment. */
                        byok?: {
                            id: string;
                            /** Format: uri */
                            readonly related?: string;
                            /** Format: uri */
                            readonly resource_name?: string;
                        };
                    };
                };
            };
        };
        responses: never;
    };
    listConnectv1Connectors: {
        parameters: {
            query?: {
                expand?: string[];
            };
            header?: never;
            path: {
                environment_id: string;
                kafka_cluster_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    createConnectv1Connector: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                environment_id: string;
                kafka_cluster_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The name of the connector. */
                    name?: string;
                    /** @description The configuration of the connector; every value is a string. */
                    config?: {
                        /** @description [Required for managed connectors, ignored for custom ones] The connector class, such as GcsSink. */
                        "connector.class"?: string;
                        /** @description The name of the connector. */
                        name?: string;
                        /** @description The API key of the Kafka cluster. */
                        "kafka.api.key"?: string;
                        /** @description The secret of the Kafka API key. */
                        "kafka.api.secret"?: string;
                        /**
                         * @description Whether the connector is managed or custom.
                         * @default MANAGED
                         * @enum {string}
                         */
                        "confluent.connector.type"?: "MANAGED" | "CUSTOM";
                        /** @description The custom connector plugin, such as ccp-lq5m06 (custom connectors). */
                        "confluent.custom.plugin.id"?: string;
                        /** @description The endpoints a custom connector may reach. */
                        "confluent.custom.connection.endpoints"?: string;
                        /**
                         * @description Whether Schema Registry settings are filled in automatically.
                         * @default FALSE
                         * @enum {string}
                         */
                        "confluent.custom.schema.registry.auto"?: "TRUE" | "FALSE";
                    } & {
                        [key: string]: string;
                    };
                };
            };
        };
        responses: never;
    };
    listConnectV1CustomConnectorPlugins: {
        parameters: {
            query?: {
                page_size?: number;
                page_token?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    createConnectV1CustomConnectorPlugin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description A human-readable name for the plugin. */
                    display_name: string;
                    /** @description A description of the plugin. */
                    description?: string;
                    /** @description A link to the documentation of the plugin. */
                    documentation_link?: string;
                    /** @description The Java class of the connector. Create only. */
                    connector_class: string;
                    /**
                     * @description The type of the connector. Create only.
                     * @enum {string}
                     */
                    connector_type: "SOURCE" | "SINK";
                    /** @description The configuration properties to mask. */
                    sensitive_config_properties?: string[];
                    /** @description The uploaded plugin archive. Only needed on create. */
                    upload_source: {
                        /**
                         * @description Where the archive was uploaded.
                         * @enum {string}
                         */
                        location: "PRESIGNED_URL_LOCATION";
                        /** @description The upload_id of the presigned upload URL. */
                        upload_id: string;
                    };
                };
            };
        };
        responses: never;
    };
    createEmulatorCredentials: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    resource_id?: string;
                };
            };
        };
        responses: never;
    };
    listEmulatorOrgs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    createEmulatorOrg: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    display_name?: string;
                };
            };
        };
        responses: never;
    };
    listFcpmV2ComputePools: {
        parameters: {
            query: {
                "spec.region"?: string;
                environment: string;
                "spec.network"?: string;
                page_size?: number;
                page_token?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    createFcpmV2ComputePool: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    spec: {
                        /** @description A human-readable name for the compute pool. */
                        display_name: string;
                        /**
                         * @description The cloud service provider.
                         * @enum {string}
                         */
                        cloud: "AWS" | "GCP" | "AZURE";
                        /** @description The cloud region. */
                        region: string;
                        /**
                         * Format: int32
                         * @description The maximum number of Confluent Flink Units (CFUs) the pool may use (extensible: 5, 10, 20, 30, 40, 50).
                         * @enum {integer}
                         */
                        max_cfu: 5 | 10 | 20 | 30 | 40 | 50;
                        /** @description A reference to an object scoped to an environment. */
                        environment: {
                            id: string;
                            readonly environment?: string;
                            /** Format: uri */
                            readonly related?: string;
                            /** Format: uri */
                            readonly resource_name?: string;
                        };
                        /** @description A reference to an object scoped to an environment. */
                        network?: {
                            id: string;
                            readonly environment?: string;
                            /** Format: uri */
                            readonly related?: string;
                            /** Format: uri */
                            readonly resource_name?: string;
                        };
                    };
                };
            };
        };
        responses: never;
    };
    listIamV2ApiKeys: {
        parameters: {
            query?: {
                "spec.owner"?: string;
                "spec.resource"?: string;
                page_size?: number;
                page_token?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    createIamV2ApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    spec: {
                        /** @description A human-readable name for the API key. */
                        display_name?: string;
                        /** @description A free-form description of the API key. */
                        description?: string;
                        /** @description ObjectReference provides information for you to locate the referred object. */
                        owner: {
                            id: string;
                            readonly environment?: string;
                            /** Format: uri */
                            readonly related?: string;
                            /** Format: uri */
                            readonly resource_name?: string;
                            readonly api_version?: string;
                            readonly kind?: string;
                        };
                        resource?: {
                            id: string;
                            environment?: string;
                            /** Format: uri */
                            related?: string;
                            /** Format: uri */
                            resource_name?: string;
                            api_version?: string;
                            kind?: string;
                        } | null;
                        resources?: {
                            id: string;
                            readonly environment?: string;
                            /** Format: uri */
                            readonly related?: string;
                            /** Format: uri */
                            readonly resource_name?: string;
                            readonly api_version?: string;
                            readonly kind?: string;
                        }[];
                    };
                };
            };
        };
        responses: never;
    };
    listIamV2IdentityPools: {
        parameters: {
            query?: {
                page_size?: number;
                page_token?: string;
            };
            header?: never;
            path: {
                provider_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    createIamV2IdentityPool: {
        parameters: {
            query?: {
                assigned_resource_owner?: string;
            };
            header?: never;
            path: {
                provider_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description A human-readable name for the identity pool. */
                    display_name: string;
                    /** @description A description of the identity pool. */
                    description: string;
                    /** @description The JWT claim that identifies the principal. */
                    identity_claim: string;
                    /** @description A CEL filter on the token's claims. */
                    filter: string;
                };
            };
        };
        responses: never;
    };
    listIamV2IdentityProviders: {
        parameters: {
            query?: {
                page_size?: number;
                page_token?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    createIamV2IdentityProvider: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description A human-readable name for the identity provider. */
                    display_name: string;
                    /** @description A description of the identity provider. */
                    description: string;
                    /** @description The JWT claim that identifies the principal. */
                    identity_claim?: string;
                    /**
                     * Format: uri
                     * @description The issuer URI of the provider.
                     */
                    issuer: string;
                    /**
                     * Format: uri
                     * @description The URI of the provider's JSON Web Key Set.
                     */
                    jwks_uri: string;
                };
            };
        };
        responses: never;
    };
    listIamV2Invitations: {
        parameters: {
            query?: {
                email?: string;
                status?: string;
                user?: string;
                creator?: string;
                page_size?: number;
                page_token?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    createIamV2Invitation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: email
                     * @description The invited user's email address.
                     */
                    email: string;
                    /**
                     * @description The invited user's authentication method.
                     * @enum {string}
                     */
                    auth_type?: "AUTH_TYPE_LOCAL" | "AUTH_TYPE_SSO";
                };
            };
        };
        responses: never;
    };
    listIamV2IpFilters: {
        parameters: {
            query?: {
                resource_scope?: string;
                include_parent_scopes?: boolean;
                page_size?: number;
                page_token?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    createIamV2IpFilter: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description A human-readable name for the IP filter. */
                    filter_name: string;
                    /**
                     * @description The resource group the filter applies to.
                     * @enum {string}
                     */
                    resource_group: "management" | "multiple";
                    /**
                     * Format: uri
                     * @description The CRN of the scope the filter applies to.
                     */
                    resource_scope?: string;
                    /** @description The operation groups the filter applies to. */
                    operation_groups?: string[];
                    /** @description The IP groups allowed by the filter. */
                    ip_groups: {
                        id: string;
                        /** Format: uri */
                        readonly related?: string;
                        /** Format: uri */
                        readonly resource_name?: string;
                    }[];
                };
            };
        };
        responses: never;
    };
    listIamV2IpGroups: {
        parameters: {
            query?: {
                page_size?: number;
                page_token?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    createIamV2IpGroup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description A human-readable name for the IP group. */
                    group_name: string;
                    /** @description The CIDR blocks of the group. */
                    cidr_blocks: string[];
                };
            };
        };
        responses: never;
    };
    listIamV2RoleBindings: {
        parameters: {
            query: {
                principal?: string;
                role_name?: string;
                crn_pattern: string;
                page_size?: number;
                page_token?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    createIamV2RoleBinding: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The principal: User:<id> or Group:<id>. */
                    principal: string;
                    /** @description The name of the role. */
                    role_name: string;
                    /**
                     * Format: uri
                     * @description A CRN pattern of the resources the role applies to.
                     */
                    crn_pattern: string;
                };
            };
        };
        responses: never;
    };
    listIamV2ServiceAccounts: {
        parameters: {
            query?: {
                display_name?: string[];
                page_size?: number;
                page_token?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    createIamV2ServiceAccount: {
        parameters: {
            query?: {
                assigned_resource_owner?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description A human-readable name for the Service Account. */
                    display_name: string;
                    /** @description A free-form description of the Service Account. */
                    description?: string;
                };
            };
        };
        responses: never;
    };
    listIamV2SsoGroupMappings: {
        parameters: {
            query?: {
                page_size?: number;
                page_token?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    createIamV2SsoGroupMapping: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description A human-readable name for the group mapping. */
                    display_name: string;
                    /** @description A description of the group mapping. */
                    description: string;
                    /** @description A CEL filter on the SSO groups claim. */
                    filter: string;
                };
            };
        };
        responses: never;
    };
    getKafkaAcls: {
        parameters: {
            query?: {
                resource_type?: "UNKNOWN" | "ANY" | "TOPIC" | "GROUP" | "CLUSTER" | "TRANSACTIONAL_ID" | "DELEGATION_TOKEN";
                resource_name?: string;
                pattern_type?: "UNKNOWN" | "ANY" | "MATCH" | "LITERAL" | "PREFIXED";
                principal?: string;
                host?: string;
                operation?: "UNKNOWN" | "ANY" | "ALL" | "READ" | "WRITE" | "CREATE" | "DELETE" | "ALTER" | "DESCRIBE" | "CLUSTER_ACTION" | "DESCRIBE_CONFIGS" | "ALTER_CONFIGS" | "IDEMPOTENT_WRITE";
                permission?: "UNKNOWN" | "ANY" | "DENY" | "ALLOW";
            };
            header?: never;
            path: {
                cluster_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    createKafkaAcls: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cluster_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    resource_type: "UNKNOWN" | "ANY" | "TOPIC" | "GROUP" | "CLUSTER" | "TRANSACTIONAL_ID" | "DELEGATION_TOKEN";
                    resource_name: string;
                    /** @enum {string} */
                    pattern_type: "UNKNOWN" | "ANY" | "MATCH" | "LITERAL" | "PREFIXED";
                    /** @description For example User:sa-abc123. */
                    principal: string;
                    /** @description For example *. */
                    host: string;
                    /** @enum {string} */
                    operation: "UNKNOWN" | "ANY" | "ALL" | "READ" | "WRITE" | "CREATE" | "DELETE" | "ALTER" | "DESCRIBE" | "CLUSTER_ACTION" | "DESCRIBE_CONFIGS" | "ALTER_CONFIGS" | "IDEMPOTENT_WRITE";
                    /** @enum {string} */
                    permission: "UNKNOWN" | "ANY" | "DENY" | "ALLOW";
                };
            };
        };
        responses: never;
    };
    deleteKafkaAcls: {
        parameters: {
            query: {
                resource_type: "UNKNOWN" | "ANY" | "TOPIC" | "GROUP" | "CLUSTER" | "TRANSACTIONAL_ID" | "DELEGATION_TOKEN";
                resource_name?: string;
                pattern_type: "UNKNOWN" | "ANY" | "MATCH" | "LITERAL" | "PREFIXED";
                principal?: string;
                host?: string;
                operation: "UNKNOWN" | "ANY" | "ALL" | "READ" | "WRITE" | "CREATE" | "DELETE" | "ALTER" | "DESCRIBE" | "CLUSTER_ACTION" | "DESCRIBE_CONFIGS" | "ALTER_CONFIGS" | "IDEMPOTENT_WRITE";
                permission: "UNKNOWN" | "ANY" | "DENY" | "ALLOW";
            };
            header?: never;
            path: {
                cluster_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    createKafkaBrokerReplicaExclusions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cluster_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: {
                        broker_id: number;
                        reason: string;
                    }[];
                };
            };
        };
        responses: never;
    };
    listKafkaLinks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cluster_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    createKafkaLink: {
        parameters: {
            query: {
                link_name: string;
                validate_only?: boolean;
                validate_link?: boolean;
            };
            header?: never;
            path: {
                cluster_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    source_cluster_id?: string;
                    destination_cluster_id?: string;
                    remote_cluster_id?: string;
                    cluster_link_id?: string;
                    /** @description bootstrap.servers, link.mode (DESTINATION, SOURCE, BIDIRECTIONAL), connection.mode, security settings, ... */
                    configs?: {
                        name: string;
                        value: string | null;
                    }[];
                };
            };
        };
        responses: never;
    };
    listKafkaMirrorTopicsUnderLink: {
        parameters: {
            query?: {
                mirror_status?: "ACTIVE" | "FAILED" | "LINK_FAILED" | "LINK_PAUSED" | "PAUSED" | "PENDING_STOPPED" | "SOURCE_UNAVAILABLE" | "STOPPED" | "PENDING_MIRROR" | "PENDING_SYNCHRONIZE" | "PENDING_SETUP_FOR_RESTORE" | "PENDING_RESTORE";
            };
            header?: never;
            path: {
                cluster_id: string;
                link_name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    createKafkaMirrorTopic: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cluster_id: string;
                link_name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    source_topic_name: string;
                    /** @description Defaults to the source topic's name, after the link's cluster.link.prefix. */
                    mirror_topic_name?: string;
                    replication_factor?: number;
                    configs?: {
                        name: string;
                        value: string | null;
                    }[];
                };
            };
        };
        responses: never;
    };
    listKafkaQuotasV1ClientQuotas: {
        parameters: {
            query: {
                "spec.cluster": string;
                environment: string;
                page_size?: number;
                page_token?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    createKafkaQuotasV1ClientQuota: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    spec: {
                        /** @description A human-readable name for the quota. */
                        display_name: string;
                        /** @description A description of the quota. */
                        description?: string;
                        throughput: {
                            /** @description Ingress throughput limit, in bytes per second (an int64 as a string). */
                            ingress_byte_rate: string;
                            /** @description Egress throughput limit, in bytes per second (an int64 as a string). */
                            egress_byte_rate: string;
                        };
                        /** @description A reference to an object scoped to an environment. */
                        cluster: {
                            id: string;
                            readonly environment?: string;
                            /** Format: uri */
                            readonly related?: string;
                            /** Format: uri */
                            readonly resource_name?: string;
                        };
                        /** @description The service accounts or identity pools the quota applies to (422 if one does not exist); `<default>` for every service account without a quota of its own. */
                        principals: {
                            id: string;
                            /** Format: uri */
                            readonly related?: string;
                            /** Format: uri */
                            readonly resource_name?: string;
                        }[];
                        /** @description A reference to an object that is not scoped to an environment. */
                        environment: {
                            id: string;
                            /** Format: uri */
                            readonly related?: string;
                            /** Format: uri */
                            readonly resource_name?: string;
                        };
                    };
                };
            };
        };
        responses: never;
    };
    listKafkaTopics: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cluster_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    createKafkaTopic: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cluster_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    topic_name: string;
                    partitions_count?: number;
                    replication_factor?: number;
                    /** @description Explicit replica placement: partition id -> broker ids (instead of partitions_count and replication_factor). */
                    replicas_assignments?: {
                        [key: string]: number[];
                    };
                    configs?: {
                        name: string;
                        value?: string | null;
                    }[];
                    /** @description Check the request and answer 200 with the would-be topic, creating nothing. */
                    validate_only?: boolean;
                };
            };
        };
        responses: never;
    };
    listKsqldbcmV2Clusters: {
        parameters: {
            query: {
                environment: string;
                page_size?: number;
                page_token?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    createKsqldbcmV2Cluster: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    spec: {
                        /** @description The name of the ksqlDB cluster. */
                        display_name: string;
                        /** @description Whether the processing log includes record contents. */
                        use_detailed_processing_log?: boolean;
                        /**
                         * @description The number of Confluent Streaming Units.
                         * @enum {integer}
                         */
                        csu: 1 | 2 | 4 | 8 | 12;
                        /** @description ObjectReference provides information for you to locate the referred object. */
                        kafka_cluster: {
                            id: string;
                            readonly environment?: string;
                            /** Format: uri */
                            readonly related?: string;
                            /** Format: uri */
                            readonly resource_name?: string;
                            readonly api_version?: string;
                            readonly kind?: string;
                        };
                        /** @description ObjectReference provides information for you to locate the referred object. */
                        credential_identity: {
                            id: string;
                            readonly environment?: string;
                            /** Format: uri */
                            readonly related?: string;
                            /** Format: uri */
                            readonly resource_name?: string;
                            readonly api_version?: string;
                            readonly kind?: string;
                        };
                        /** @description ObjectReference provides information for you to locate the referred object. */
                        environment: {
                            id: string;
                            readonly environment?: string;
                            /** Format: uri */
                            readonly related?: string;
                            /** Format: uri */
                            readonly resource_name?: string;
                            readonly api_version?: string;
                            readonly kind?: string;
                        };
                    };
                };
            };
        };
        responses: never;
    };
    listNetworkingV1DnsForwarders: {
        parameters: {
            query: {
                environment: string;
                page_size?: number;
                page_token?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    createNetworkingV1DnsForwarder: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    spec: {
                        /** @description A human-readable name for the DNS forwarder. */
                        display_name?: string;
                        /** @description The domains resolved through the forwarder. */
                        domains: string[];
                        /** @description How DNS queries are forwarded. */
                        config: {
                            /**
                             * @description The kind of this object: ForwardViaIp.
                             * @enum {string}
                             */
                            kind: "ForwardViaIp";
                            /** @description The IP addresses of the DNS servers. */
                            dns_server_ips: string[];
                        };
                        /** @description A reference to an object scoped to an environment. */
                        environment: {
                            id: string;
                            readonly environment?: string;
                            /** Format: uri */
                            readonly related?: string;
                            /** Format: uri */
                            readonly resource_name?: string;
                        };
                        /** @description A reference to an object scoped to an environment. */
                        gateway: {
                            id: string;
                            readonly environment?: string;
                            /** Format: uri */
                            readonly related?: string;
                            /** Format: uri */
                            readonly resource_name?: string;
                        };
                    };
                };
            };
        };
        responses: never;
    };
    listNetworkingV1Networks: {
        parameters: {
            query: {
                "spec.display_name"?: string[];
                "spec.cloud"?: string[];
                "spec.region"?: string[];
                "spec.connection_types"?: string[];
                "spec.cidr"?: string[];
                "status.phase"?: string[];
                environment: string;
                page_size?: number;
                page_token?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    createNetworkingV1Network: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    spec: {
                        /** @description A human-readable name for the network. */
                        display_name?: string;
                        /**
                         * @description The cloud service provider. Create only.
                         * @enum {string}
                         */
                        cloud: "AWS" | "GCP" | "AZURE";
                        /** @description The cloud region. Create only. */
                        region: string;
                        /** @description The connection types the network supports. */
                        connection_types: ("PEERING" | "TRANSITGATEWAY" | "PRIVATELINK")[];
                        /** @description An IPv4 /16 CIDR block, needed for peering and transit gateway networks. Create only. */
                        cidr?: string;
                        /** @description The 3 cloud zones of the network. Create only. */
                        zones?: string[];
                        /** @description The zones of the network with a CIDR block each (Limited Availability). */
                        zones_info?: {
                            /** @description The cloud zone id. */
                            zone_id?: string;
                            /** @description A /27 IPv4 CIDR block in the zone. */
                            cidr?: string;
                        }[];
                        /** @description The DNS configuration of the network. */
                        dns_config?: {
                            /**
                             * @description How DNS names are resolved (PrivateLink only).
                             * @default CHASED_PRIVATE
                             * @enum {string}
                             */
                            resolution: "CHASED_PRIVATE" | "PRIVATE";
                        };
                        /** @description A /24 IPv4 CIDR block reserved for Confluent (AWS peering and transit gateway networks only). */
                        reserved_cidr?: string;
                        /** @description A reference to an object scoped to an environment. */
                        environment: {
                            id: string;
                            readonly environment?: string;
                            /** Format: uri */
                            readonly related?: string;
                            /** Format: uri */
                            readonly resource_name?: string;
                        };
                    };
                };
            };
        };
        responses: never;
    };
    listNetworkingV1Peerings: {
        parameters: {
            query: {
                "spec.display_name"?: string[];
                "status.phase"?: string[];
                "spec.network"?: string[];
                environment: string;
                page_size?: number;
                page_token?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    createNetworkingV1Peering: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    spec: {
                        /** @description A human-readable name for the peering. */
                        display_name?: string;
                        /** @description The cloud-specific peering details. Create only. */
                        cloud: {
                            /**
                             * @description The kind of this object: AwsPeering.
                             * @enum {string}
                             */
                            kind: "AwsPeering";
                            /** @description The AWS account id of the customer VPC. */
                            account: string;
                            /** @description The id of the customer VPC. */
                            vpc: string;
                            /** @description The private CIDR blocks of the customer VPC; they must not overlap. */
                            routes: string[];
                            /** @description The AWS region of the customer VPC. */
                            customer_region: string;
                        } | {
                            /**
                             * @description The kind of this object: GcpPeering.
                             * @enum {string}
                             */
                            kind: "GcpPeering";
                            /** @description The GCP project of the customer VPC network. */
                            project: string;
                            /** @description The customer VPC network. */
                            vpc_network: string;
                            /**
                             * @description Whether custom routes are imported.
                             * @default false
                             */
                            import_custom_routes?: boolean;
                        } | {
                            /**
                             * @description The kind of this object: AzurePeering.
                             * @enum {string}
                             */
                            kind: "AzurePeering";
                            /** @description The Azure tenant id. */
                            tenant: string;
                            /** @description The resource id of the customer VNet. */
                            vnet: string;
                            /** @description The Azure region of the customer VNet. */
                            customer_region: string;
                        };
                        /** @description A reference to an object scoped to an environment. */
                        environment: {
                            id: string;
                            readonly environment?: string;
                            /** Format: uri */
                            readonly related?: string;
                            /** Format: uri */
                            readonly resource_name?: string;
                        };
                        /** @description A reference to an object scoped to an environment. */
                        network: {
                            id: string;
                            readonly environment?: string;
                            /** Format: uri */
                            readonly related?: string;
                            /** Format: uri */
                            readonly resource_name?: string;
                        };
                    };
                };
            };
        };
        responses: never;
    };
    listNetworkingV1TransitGatewayAttachments: {
        parameters: {
            query: {
                "spec.display_name"?: string[];
                "status.phase"?: string[];
                "spec.network"?: string[];
                environment: string;
                page_size?: number;
                page_token?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    createNetworkingV1TransitGatewayAttachment: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    spec: {
                        /** @description A human-readable name for the attachment. */
                        display_name?: string;
                        /** @description The cloud-specific attachment details. Create only. */
                        cloud: {
                            /**
                             * @description The kind of this object: AwsTransitGatewayAttachment.
                             * @enum {string}
                             */
                            kind: "AwsTransitGatewayAttachment";
                            /** @description The full ARN of the AWS Resource Access Manager share of the transit gateway. */
                            ram_share_arn: string;
                            /** @description The id of the transit gateway, such as tgw-xxxxxxxxxxxxxxxxx. */
                            transit_gateway_id: string;
                            /** @description The destination CIDR blocks routed through the transit gateway. */
                            routes: string[];
                        };
                        /** @description A reference to an object scoped to an environment. */
                        environment: {
                            id: string;
                            readonly environment?: string;
                            /** Format: uri */
                            readonly related?: string;
                            /** Format: uri */
                            readonly resource_name?: string;
                        };
                        /** @description A reference to an object scoped to an environment. */
                        network: {
                            id: string;
                            readonly environment?: string;
                            /** Format: uri */
                            readonly related?: string;
                            /** Format: uri */
                            readonly resource_name?: string;
                        };
                    };
                };
            };
        };
        responses: never;
    };
    listNotificationsV1Integrations: {
        parameters: {
            query?: {
                page_size?: number;
                page_token?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    createNotificationsV1Integration: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description A human-readable name for the integration. */
                    display_name: string;
                    /** @description A description of the integration. */
                    description?: string;
                    /** @description Where notifications are delivered; only Webhook, Slack and MsTeams integrations can be written. */
                    target: {
                        /**
                         * @description The kind of this object: Webhook.
                         * @enum {string}
                         */
                        kind: "Webhook";
                        /**
                         * Format: uri
                         * @description The URL notifications are posted to.
                         */
                        url: string;
                    } | {
                        /**
                         * @description The kind of this object: Slack.
                         * @enum {string}
                         */
                        kind: "Slack";
                        /**
                         * Format: uri
                         * @description The Slack incoming webhook URL.
                         */
                        webhook_url: string;
                    } | {
                        /**
                         * @description The kind of this object: MsTeams.
                         * @enum {string}
                         */
                        kind: "MsTeams";
                        /**
                         * Format: uri
                         * @description The Microsoft Teams incoming webhook URL.
                         */
                        webhook_url: string;
                    };
                };
            };
        };
        responses: never;
    };
    listNotificationsV1Subscriptions: {
        parameters: {
            query?: {
                page_size?: number;
                page_token?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    createNotificationsV1Subscription: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    current_state?: "ENABLED" | "DISABLED";
                    /** @description A reference to an object that is not scoped to an environment. */
                    notification_type: {
                        id: string;
                        /** Format: uri */
                        readonly related?: string;
                        /** Format: uri */
                        readonly resource_name?: string;
                    };
                    integrations: {
                        id: string;
                        /** Format: uri */
                        readonly related?: string;
                        /** Format: uri */
                        readonly resource_name?: string;
                    }[];
                };
            };
        };
        responses: never;
    };
    listOrgV2Environments: {
        parameters: {
            query?: {
                page_size?: number;
                page_token?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    createOrgV2Environment: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description A human-readable name for the Environment. */
                    display_name: string;
                    /** @description Stream Governance configuration of the environment. */
                    stream_governance_config?: {
                        /**
                         * @description The Stream Governance package.
                         * @enum {string}
                         */
                        package?: "ESSENTIALS" | "ADVANCED";
                    };
                };
            };
        };
        responses: never;
    };
    getConnectv1ConnectorConfig: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                environment_id: string;
                kafka_cluster_id: string;
                connector_name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    createOrUpdateConnectv1ConnectorConfig: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                environment_id: string;
                kafka_cluster_id: string;
                connector_name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description [Required for managed connectors, ignored for custom ones] The connector class, such as GcsSink. */
                    "connector.class"?: string;
                    /** @description The name of the connector. */
                    name?: string;
                    /** @description The API key of the Kafka cluster. */
                    "kafka.api.key"?: string;
                    /** @description The secret of the Kafka API key. */
                    "kafka.api.secret"?: string;
                    /**
                     * @description Whether the connector is managed or custom.
                     * @default MANAGED
                     * @enum {string}
                     */
                    "confluent.connector.type"?: "MANAGED" | "CUSTOM";
                    /** @description The custom connector plugin, such as ccp-lq5m06 (custom connectors). */
                    "confluent.custom.plugin.id"?: string;
                    /** @description The endpoints a custom connector may reach. */
                    "confluent.custom.connection.endpoints"?: string;
                    /**
                     * @description Whether Schema Registry settings are filled in automatically.
                     * @default FALSE
                     * @enum {string}
                     */
                    "confluent.custom.schema.registry.auto"?: "TRUE" | "FALSE";
                } & {
                    [key: string]: string;
                };
            };
        };
        responses: never;
    };
    listPartnerV2Entitlements: {
        parameters: {
            query?: {
                "organization.id"?: string;
                page_size?: number;
                page_token?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    createPartnerV2Entitlement: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The identifier of the entitlement at the partner; unique per customer. */
                    external_id: string;
                    /** @description The name of the entitlement. */
                    name: string;
                    /** @description The plan, such as confluent-cloud-payg-prod. */
                    plan_id: string;
                    /** @description The product, such as confluent-cloud-for-apache-kafka. */
                    product_id: string;
                    /** @description The id usage is reported under; defaults to external_id. */
                    usage_reporting_id?: string;
                    /** @description The resource id at the partner. */
                    resource_id?: string;
                    /** @description ObjectReference provides information for you to locate the referred object. */
                    organization?: {
                        id: string;
                        readonly environment?: string;
                        /** Format: uri */
                        readonly related?: string;
                        /** Format: uri */
                        readonly resource_name?: string;
                        readonly api_version?: string;
                        readonly kind?: string;
                    };
                };
            };
        };
        responses: never;
    };
    createRestProxyV2Consumer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                group_name: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description The instance name; generated when omitted. */
                    name?: string;
                    /**
                     * @default binary
                     * @enum {string}
                     */
                    format?: "binary" | "json" | "avro" | "protobuf" | "jsonschema";
                    /** @enum {string} */
                    "auto.offset.reset"?: "earliest" | "latest" | "none";
                    /** @enum {string} */
                    "auto.commit.enable"?: "true" | "false";
                    "fetch.min.bytes"?: string;
                    "consumer.request.timeout.ms"?: string;
                };
            };
        };
        responses: never;
    };
    listSdV1Pipelines: {
        parameters: {
            query: {
                environment: string;
                "spec.kafka_cluster": string;
                page_size?: number;
                page_token?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    createSdV1Pipeline: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    spec: {
                        /** @description The name of the pipeline. */
                        display_name: string;
                        /** @description A description of the pipeline. */
                        description?: string;
                        /** @description Topics kept when the pipeline is deactivated. */
                        retained_topic_names?: string[];
                        /**
                         * @description The desired state of the pipeline.
                         * @default false
                         */
                        activated?: boolean;
                        /**
                         * @description Whether the pipeline may be activated.
                         * @default false
                         */
                        activation_privilege?: boolean;
                        /** @description The source code of the pipeline. */
                        source_code?: {
                            /** @description The ksqlDB statements of the pipeline. */
                            sql: string;
                        };
                        /** @description Secret values referenced by the source code, by name. */
                        secrets?: {
                            [key: string]: string;
                        };
                        /** @description A reference to an object scoped to an environment. */
                        environment: {
                            id: string;
                            readonly environment?: string;
                            /** Format: uri */
                            readonly related?: string;
                            /** Format: uri */
                            readonly resource_name?: string;
                        };
                        /** @description A reference to an object scoped to an environment. */
                        kafka_cluster: {
                            id: string;
                            readonly environment?: string;
                            /** Format: uri */
                            readonly related?: string;
                            /** Format: uri */
                            readonly resource_name?: string;
                        };
                        /** @description A reference to an object scoped to an environment. */
                        ksql_cluster?: {
                            id: string;
                            readonly environment?: string;
                            /** Format: uri */
                            readonly related?: string;
                            /** Format: uri */
                            readonly resource_name?: string;
                        };
                        /** @description A reference to an object scoped to an environment. */
                        stream_governance_cluster?: {
                            id: string;
                            readonly environment?: string;
                            /** Format: uri */
                            readonly related?: string;
                            /** Format: uri */
                            readonly resource_name?: string;
                        };
                    };
                };
            };
        };
        responses: never;
    };
    listSqlv1Statements: {
        parameters: {
            query?: {
                "spec.compute_pool_id"?: string;
                page_size?: number;
                page_token?: string;
            };
            header?: never;
            path: {
                organization_id: string;
                environment_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    createSqlv1Statement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organization_id: string;
                environment_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The name of the statement, unique in the environment. */
                    name: string;
                    /** Format: uuid */
                    organization_id?: string;
                    environment_id?: string;
                    spec: {
                        /** @description The SQL text of the statement. */
                        statement: string;
                        /** @description Statement properties, such as sql.current-catalog and sql.current-database. */
                        properties?: {
                            [key: string]: string;
                        };
                        /** @description The compute pool the statement runs in, such as lfcp-00000. */
                        compute_pool_id: string;
                        /** @description The principal the statement runs as, such as sa-abc123. */
                        principal?: string;
                        /** @description Whether the statement is stopped. */
                        stopped?: boolean;
                    };
                };
            };
        };
        responses: never;
    };
    listSrcmV2Clusters: {
        parameters: {
            query: {
                environment: string;
                page_size?: number;
                page_token?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    createSrcmV2Cluster: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The desired state of the Cluster. */
                    spec: {
                        /**
                         * @description The Stream Governance (billing) package. Clusters can be upgraded from ESSENTIALS to ADVANCED, but cannot be downgraded from ADVANCED to ESSENTIALS.
                         * @enum {string}
                         */
                        package: "ESSENTIALS" | "ADVANCED";
                        /**
                         * @description The network access type for the cluster.
                         * @enum {string}
                         */
                        network_type?: "PUBLIC" | "PRIVATE";
                        /** @description A reference to an object that is not scoped to an environment. */
                        environment: {
                            id: string;
                            /** Format: uri */
                            readonly related?: string;
                            /** Format: uri */
                            readonly resource_name?: string;
                        };
                        /** @description A reference to an object that is not scoped to an environment. */
                        region: {
                            id: string;
                            /** Format: uri */
                            readonly related?: string;
                            /** Format: uri */
                            readonly resource_name?: string;
                        };
                    };
                };
            };
        };
        responses: never;
    };
    getAllTagDefs: {
        parameters: {
            query?: {
                prefix?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    updateTagDefs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description The category: CLASSIFICATION for tags, BUSINESS_METADATA for business metadata (set by the server).
                     * @enum {string}
                     */
                    category?: "PRIMITIVE" | "OBJECT_ID_TYPE" | "ENUM" | "STRUCT" | "CLASSIFICATION" | "ENTITY" | "ARRAY" | "MAP" | "RELATIONSHIP" | "BUSINESS_METADATA";
                    /** @description The definition's id (set by the server). */
                    guid?: string;
                    /** @description Who created it: the API key (set by the server). */
                    createdBy?: string;
                    /** @description Who last updated it (set by the server). */
                    updatedBy?: string;
                    /**
                     * Format: int64
                     * @description When it was created, in epoch milliseconds (set by the server).
                     */
                    createTime?: number;
                    /**
                     * Format: int64
                     * @description When it was last updated, in epoch milliseconds (set by the server).
                     */
                    updateTime?: number;
                    /**
                     * Format: int32
                     * @description The definition's version: 1, then one more per update (set by the server).
                     */
                    version?: number;
                    /** @description The name, unique among the definitions of its kind. */
                    name?: string;
                    /** @description The description. */
                    description?: string;
                    /** @description The type version. */
                    typeVersion?: string;
                    /** @description The service type. */
                    serviceType?: string;
                    /** @description Options, as strings. Business metadata: `applicableEntityTypes`, a JSON list of the entity types it applies to. */
                    options?: {
                        [key: string]: string;
                    };
                    /** @description The attributes instances carry. */
                    attributeDefs?: {
                        /** @description The attribute name. */
                        name?: string;
                        /** @description The attribute type. */
                        typeName?: string;
                        /** @description Whether instances may leave it out (default true). */
                        isOptional?: boolean;
                        /**
                         * @description The cardinality.
                         * @enum {string}
                         */
                        cardinality?: "SINGLE" | "LIST" | "SET";
                        /**
                         * Format: int32
                         * @description The minimum number of values.
                         */
                        valuesMinCount?: number;
                        /**
                         * Format: int32
                         * @description The maximum number of values.
                         */
                        valuesMaxCount?: number;
                        /** @description Whether values are unique. */
                        isUnique?: boolean;
                        /** @description Whether it is indexed. */
                        isIndexable?: boolean;
                        /** @description Whether notifications include it. */
                        includeInNotification?: boolean;
                        /** @description The default value. */
                        defaultValue?: string;
                        /** @description The description. */
                        description?: string;
                        /**
                         * Format: int32
                         * @description The search weight.
                         */
                        searchWeight?: number;
                        /**
                         * @description The index type.
                         * @enum {string}
                         */
                        indexType?: "DEFAULT" | "STRING";
                        /** @description The constraints. */
                        constraints?: {
                            /** @description The constraint type. */
                            type?: string;
                            /** @description Its parameters. */
                            params?: {
                                [key: string]: Record<string, never>;
                            };
                        }[];
                        /** @description Options, as strings: `maxStrLength` caps string values. */
                        options?: {
                            [key: string]: string;
                        };
                        /** @description The display name. */
                        displayName?: string;
                    }[];
                    /** @description The super types. */
                    superTypes?: string[];
                    /** @description The entity types the tag applies to; `cf_entity` (the default) applies to all. */
                    entityTypes?: string[];
                    /** @description The sub types. */
                    subTypes?: string[];
                    /**
                     * @description The color the UI shows the tag in.
                     * @enum {string}
                     */
                    color?: "PURPLE_LIGHT" | "PURPLE_DARK" | "BLUE_LIGHT" | "BLUE_DARK" | "GREEN_LIGHT" | "GREEN_DARK" | "YELLOW_LIGHT" | "YELLOW_DARK" | "ORANGE_LIGHT" | "ORANGE_DARK" | "RED_LIGHT" | "RED_DARK" | "MAGENTA_LIGHT" | "MAGENTA_DARK" | "NEUTRAL_LIGHT" | "NEUTRAL_DARK";
                }[];
            };
        };
        responses: never;
    };
    createTagDefs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description The category: CLASSIFICATION for tags, BUSINESS_METADATA for business metadata (set by the server).
                     * @enum {string}
                     */
                    category?: "PRIMITIVE" | "OBJECT_ID_TYPE" | "ENUM" | "STRUCT" | "CLASSIFICATION" | "ENTITY" | "ARRAY" | "MAP" | "RELATIONSHIP" | "BUSINESS_METADATA";
                    /** @description The definition's id (set by the server). */
                    guid?: string;
                    /** @description Who created it: the API key (set by the server). */
                    createdBy?: string;
                    /** @description Who last updated it (set by the server). */
                    updatedBy?: string;
                    /**
                     * Format: int64
                     * @description When it was created, in epoch milliseconds (set by the server).
                     */
                    createTime?: number;
                    /**
                     * Format: int64
                     * @description When it was last updated, in epoch milliseconds (set by the server).
                     */
                    updateTime?: number;
                    /**
                     * Format: int32
                     * @description The definition's version: 1, then one more per update (set by the server).
                     */
                    version?: number;
                    /** @description The name, unique among the definitions of its kind. */
                    name?: string;
                    /** @description The description. */
                    description?: string;
                    /** @description The type version. */
                    typeVersion?: string;
                    /** @description The service type. */
                    serviceType?: string;
                    /** @description Options, as strings. Business metadata: `applicableEntityTypes`, a JSON list of the entity types it applies to. */
                    options?: {
                        [key: string]: string;
                    };
                    /** @description The attributes instances carry. */
                    attributeDefs?: {
                        /** @description The attribute name. */
                        name?: string;
                        /** @description The attribute type. */
                        typeName?: string;
                        /** @description Whether instances may leave it out (default true). */
                        isOptional?: boolean;
                        /**
                         * @description The cardinality.
                         * @enum {string}
                         */
                        cardinality?: "SINGLE" | "LIST" | "SET";
                        /**
                         * Format: int32
                         * @description The minimum number of values.
                         */
                        valuesMinCount?: number;
                        /**
                         * Format: int32
                         * @description The maximum number of values.
                         */
                        valuesMaxCount?: number;
                        /** @description Whether values are unique. */
                        isUnique?: boolean;
                        /** @description Whether it is indexed. */
                        isIndexable?: boolean;
                        /** @description Whether notifications include it. */
                        includeInNotification?: boolean;
                        /** @description The default value. */
                        defaultValue?: string;
                        /** @description The description. */
                        description?: string;
                        /**
                         * Format: int32
                         * @description The search weight.
                         */
                        searchWeight?: number;
                        /**
                         * @description The index type.
                         * @enum {string}
                         */
                        indexType?: "DEFAULT" | "STRING";
                        /** @description The constraints. */
                        constraints?: {
                            /** @description The constraint type. */
                            type?: string;
                            /** @description Its parameters. */
                            params?: {
                                [key: string]: Record<string, never>;
                            };
                        }[];
                        /** @description Options, as strings: `maxStrLength` caps string values. */
                        options?: {
                            [key: string]: string;
                        };
                        /** @description The display name. */
                        displayName?: string;
                    }[];
                    /** @description The super types. */
                    superTypes?: string[];
                    /** @description The entity types the tag applies to; `cf_entity` (the default) applies to all. */
                    entityTypes?: string[];
                    /** @description The sub types. */
                    subTypes?: string[];
                    /**
                     * @description The color the UI shows the tag in.
                     * @enum {string}
                     */
                    color?: "PURPLE_LIGHT" | "PURPLE_DARK" | "BLUE_LIGHT" | "BLUE_DARK" | "GREEN_LIGHT" | "GREEN_DARK" | "YELLOW_LIGHT" | "YELLOW_DARK" | "ORANGE_LIGHT" | "ORANGE_DARK" | "RED_LIGHT" | "RED_DARK" | "MAGENTA_LIGHT" | "MAGENTA_DARK" | "NEUTRAL_LIGHT" | "NEUTRAL_DARK";
                }[];
            };
        };
        responses: never;
    };
    updateTags: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The tag name. */
                    typeName?: string;
                    /** @description The tag's attribute values, by attribute name. */
                    attributes?: Record<string, never>;
                    /** @description The entity's id (set by the server). */
                    entityGuid?: string;
                    /**
                     * @description The entity's status (set by the server).
                     * @enum {string}
                     */
                    entityStatus?: "ACTIVE" | "DELETED" | "PURGED";
                    /** @description Whether the tag propagates. */
                    propagate?: boolean;
                    /** @description The validity periods. */
                    validityPeriods?: {
                        /** @description The start, as yyyy/MM/dd HH:mm:ss. */
                        startTime?: string;
                        /** @description The end, as yyyy/MM/dd HH:mm:ss. */
                        endTime?: string;
                        /** @description The time zone (java.util.TimeZone ids). */
                        timeZone?: string;
                    }[];
                    /** @description Whether to remove propagations when the entity is deleted. */
                    removePropagationsOnEntityDelete?: boolean;
                    /** @description The entity type. */
                    entityType?: string;
                    /** @description The entity's qualified name. */
                    entityName?: string;
                }[];
            };
        };
        responses: never;
    };
    createTags: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The tag name. */
                    typeName?: string;
                    /** @description The tag's attribute values, by attribute name. */
                    attributes?: Record<string, never>;
                    /** @description The entity's id (set by the server). */
                    entityGuid?: string;
                    /**
                     * @description The entity's status (set by the server).
                     * @enum {string}
                     */
                    entityStatus?: "ACTIVE" | "DELETED" | "PURGED";
                    /** @description Whether the tag propagates. */
                    propagate?: boolean;
                    /** @description The validity periods. */
                    validityPeriods?: {
                        /** @description The start, as yyyy/MM/dd HH:mm:ss. */
                        startTime?: string;
                        /** @description The end, as yyyy/MM/dd HH:mm:ss. */
                        endTime?: string;
                        /** @description The time zone (java.util.TimeZone ids). */
                        timeZone?: string;
                    }[];
                    /** @description Whether to remove propagations when the entity is deleted. */
                    removePropagationsOnEntityDelete?: boolean;
                    /** @description The entity type. */
                    entityType?: string;
                    /** @description The entity's qualified name. */
                    entityName?: string;
                }[];
            };
        };
        responses: never;
    };
    view_imageCdxV1ProviderSharedResource: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                file_name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    upload_imageCdxV1ProviderSharedResource: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                file_name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": string;
            };
        };
        responses: never;
    };
    delete_imageCdxV1ProviderSharedResource: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                file_name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    deleteBusinessMetadata: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                typeName: string;
                qualifiedName: string;
                bmName: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    getBusinessMetadataDefByName: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                bmName: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    deleteBusinessMetadataDef: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                bmName: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    getByokV1Key: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    deleteByokV1Key: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    getCdxV1ConsumerShare: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    deleteCdxV1ConsumerShare: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    getCdxV1ProviderShare: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    deleteCdxV1ProviderShare: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    getCmkV2Cluster: {
        parameters: {
            query: {
                environment: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    deleteCmkV2Cluster: {
        parameters: {
            query: {
                environment: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    updateCmkV2Cluster: {
        parameters: {
            query?: {
                environment?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    spec: {
                        /** @description A human-readable name for the cluster. */
                        display_name?: string;
                        /**
                         * @description The availability zone configuration.
                         * @enum {string}
                         */
                        availability?: "SINGLE_ZONE" | "MULTI_ZONE" | "LOW" | "HIGH";
                        /** @description The cluster type and its parameters. Basic can be upgraded to Standard; no cluster can be downgraded. */
                        config?: {
                            /** @enum {string} */
                            kind: "Basic";
                            /** @description The most eCKUs the cluster may scale to. */
                            max_ecku?: number;
                        } | {
                            /** @enum {string} */
                            kind: "Standard";
                            /** @description The most eCKUs the cluster may scale to. */
                            max_ecku?: number;
                        } | {
                            /** @enum {string} */
                            kind: "Enterprise";
                            /** @description The most eCKUs the cluster may scale to. */
                            max_ecku?: number;
                        } | {
                            /** @enum {string} */
                            kind: "Dedicated";
                            /** @description The number of CKUs. */
                            cku: number;
                            /** @description The zones the cluster runs in. */
                            zones?: string[];
                            /** @description The key for self-managed encryption (deprecated; use byok). */
                            encryption_key?: string;
                            /**
                             * @description When the cluster gets updates.
                             * @enum {string}
                             */
                            release_priority?: "REGULAR" | "PRIORITY";
                        } | {
                            /** @enum {string} */
                            kind: "Freight";
                            /** @description The most eCKUs the cluster may scale to. */
                            max_ecku?: number;
                            /** @description The zones the cluster runs in. */
                            zones?: string[];
                        };
                        /** @description While true, the cluster cannot be deleted. */
                        deletion_protection?: boolean;
                        /** @description A reference to an object scoped to an environment. */
                        environment?: {
                            id: string;
                            readonly environment?: string;
                            /** Format: uri */
                            readonly related?: string;
                            /** Format: uri */
                            readonly resource_name?: string;
                        };
                        /** @description Create-only; a value other than the cluster's is refused (400). */
                        cloud?: string;
                        /** @description Create-only; a value other than the cluster's is refused (400). */
                        region?: string;
                        /** @description A reference to an object scoped to an environment. */
                        network?: {
                            id: string;
                            readonly environment?: string;
                            /** Format: uri */
                            readonly related?: string;
                            /** Format: uri */
                            readonly resource_name?: string;
                        };
                        /** @description A reference to an object that is not scoped to an environment. */
                        byok?: {
                            id: string;
                            /** Format: uri */
                            readonly related?: string;
                            /** Format: uri */
                            readonly resource_name?: string;
                        };
                    };
                };
            };
        };
        responses: never;
    };
    readConnectv1Connector: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                environment_id: string;
                kafka_cluster_id: string;
                connector_name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    deleteConnectv1Connector: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                environment_id: string;
                kafka_cluster_id: string;
                connector_name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    getConnectV1CustomConnectorPlugin: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    deleteConnectV1CustomConnectorPlugin: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    updateConnectV1CustomConnectorPlugin: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description A human-readable name for the plugin. */
                    display_name?: string;
                    /** @description A description of the plugin. */
                    description?: string;
                    /** @description A link to the documentation of the plugin. */
                    documentation_link?: string;
                    /** @description The configuration properties to mask. */
                    sensitive_config_properties?: string[];
                    /** @description The uploaded plugin archive. Only needed on create. */
                    upload_source?: {
                        /**
                         * @description Where the archive was uploaded.
                         * @enum {string}
                         */
                        location: "PRESIGNED_URL_LOCATION";
                        /** @description The upload_id of the presigned upload URL. */
                        upload_id: string;
                    };
                };
            };
        };
        responses: never;
    };
    deleteEmulatorFault: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    getExporterInfoByName: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    updateExporterInfo: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description CUSTOM, AUTO or NONE (extensible). */
                    contextType?: string;
                    context?: string;
                    subjects?: string[];
                    subjectRenameFormat?: string;
                    kekRenameFormat?: string;
                    config?: {
                        [key: string]: string;
                    };
                };
            };
        };
        responses: never;
    };
    deleteExporter: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    getFcpmV2ComputePool: {
        parameters: {
            query: {
                environment: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    deleteFcpmV2ComputePool: {
        parameters: {
            query: {
                environment: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    updateFcpmV2ComputePool: {
        parameters: {
            query?: {
                environment?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    spec: {
                        /** @description A human-readable name for the compute pool. */
                        display_name?: string;
                        /**
                         * Format: int32
                         * @description The maximum number of Confluent Flink Units (CFUs) the pool may use (extensible: 5, 10, 20, 30, 40, 50).
                         * @enum {integer}
                         */
                        max_cfu?: 5 | 10 | 20 | 30 | 40 | 50;
                        /** @description Create-only; a value other than the pool's is refused (400). */
                        cloud?: string;
                        /** @description Create-only; a value other than the pool's is refused (400). */
                        region?: string;
                        /** @description A reference to an object scoped to an environment. */
                        environment?: {
                            id: string;
                            readonly environment?: string;
                            /** Format: uri */
                            readonly related?: string;
                            /** Format: uri */
                            readonly resource_name?: string;
                        };
                        /** @description A reference to an object scoped to an environment. */
                        network?: {
                            id: string;
                            readonly environment?: string;
                            /** Format: uri */
                            readonly related?: string;
                            /** Format: uri */
                            readonly resource_name?: string;
                        };
                    };
                };
            };
        };
        responses: never;
    };
    getIamV2ApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    deleteIamV2ApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    updateIamV2ApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    spec?: {
                        /** @description A human-readable name for the API key. */
                        display_name?: string;
                        /** @description A free-form description of the API key. */
                        description?: string;
                        /** @description ObjectReference provides information for you to locate the referred object. */
                        owner?: {
                            id: string;
                            readonly environment?: string;
                            /** Format: uri */
                            readonly related?: string;
                            /** Format: uri */
                            readonly resource_name?: string;
                            readonly api_version?: string;
                            readonly kind?: string;
                        };
                        resource?: {
                            id: string;
                            environment?: string;
                            /** Format: uri */
                            related?: string;
                            /** Format: uri */
                            resource_name?: string;
                            api_version?: string;
                            kind?: string;
                        } | null;
                        resources?: {
                            id: string;
                            readonly environment?: string;
                            /** Format: uri */
                            readonly related?: string;
                            /** Format: uri */
                            readonly resource_name?: string;
                            readonly api_version?: string;
                            readonly kind?: string;
                        }[];
                    };
                };
            };
        };
        responses: never;
    };
    getIamV2IdentityPool: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                provider_id: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    deleteIamV2IdentityPool: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                provider_id: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    updateIamV2IdentityPool: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                provider_id: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description A human-readable name for the identity pool. */
                    display_name?: string;
                    /** @description A description of the identity pool. */
                    description?: string;
                    /** @description The JWT claim that identifies the principal. */
                    identity_claim?: string;
                    /** @description A CEL filter on the token's claims. */
                    filter?: string;
                };
            };
        };
        responses: never;
    };
    getIamV2IdentityProvider: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    deleteIamV2IdentityProvider: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    updateIamV2IdentityProvider: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description A human-readable name for the identity provider. */
                    display_name?: string;
                    /** @description A description of the identity provider. */
                    description?: string;
                    /** @description The JWT claim that identifies the principal. */
                    identity_claim?: string;
                    /**
                     * Format: uri
                     * @description The issuer URI of the provider.
                     */
                    issuer?: string;
                    /**
                     * Format: uri
                     * @description The URI of the provider's JSON Web Key Set.
                     */
                    jwks_uri?: string;
                };
            };
        };
        responses: never;
    };
    getIamV2Invitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    deleteIamV2Invitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    getIamV2IpFilter: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    deleteIamV2IpFilter: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    updateIamV2IpFilter: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description A human-readable name for the IP filter. */
                    filter_name?: string;
                    /**
                     * @description The resource group the filter applies to.
                     * @enum {string}
                     */
                    resource_group?: "management" | "multiple";
                    /**
                     * Format: uri
                     * @description The CRN of the scope the filter applies to.
                     */
                    resource_scope?: string;
                    /** @description The operation groups the filter applies to. */
                    operation_groups?: string[];
                    /** @description The IP groups allowed by the filter. */
                    ip_groups?: {
                        id: string;
                        /** Format: uri */
                        readonly related?: string;
                        /** Format: uri */
                        readonly resource_name?: string;
                    }[];
                };
            };
        };
        responses: never;
    };
    getIamV2IpGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    deleteIamV2IpGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    updateIamV2IpGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description A human-readable name for the IP group. */
                    group_name?: string;
                    /** @description The CIDR blocks of the group. */
                    cidr_blocks?: string[];
                };
            };
        };
        responses: never;
    };
    getIamV2RoleBinding: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    deleteIamV2RoleBinding: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    getIamV2ServiceAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    deleteIamV2ServiceAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    updateIamV2ServiceAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description A free-form description of the Service Account. */
                    description?: string;
                    /** @description The name (cannot be changed). */
                    display_name?: string;
                };
            };
        };
        responses: never;
    };
    getIamV2SsoGroupMapping: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    deleteIamV2SsoGroupMapping: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    updateIamV2SsoGroupMapping: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description A human-readable name for the group mapping. */
                    display_name?: string;
                    /** @description A description of the group mapping. */
                    description?: string;
                    /** @description A CEL filter on the SSO groups claim. */
                    filter?: string;
                };
            };
        };
        responses: never;
    };
    getIamV2User: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    deleteIamV2User: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    updateIamV2User: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The user's full name. */
                    full_name?: string;
                    /**
                     * Format: email
                     * @description The user's email address (cannot be changed).
                     */
                    email?: string;
                };
            };
        };
        responses: never;
    };
    getKafkaBroker: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cluster_id: string;
                broker_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    deleteKafkaBroker: {
        parameters: {
            query?: {
                should_shutdown?: boolean;
            };
            header?: never;
            path: {
                cluster_id: string;
                broker_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    getKafkaBrokerConfig: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cluster_id: string;
                broker_id: number;
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    updateKafkaBrokerConfig: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cluster_id: string;
                broker_id: number;
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The new value; null resets it. */
                    value?: string | null;
                };
            };
        };
        responses: never;
    };
    deleteKafkaBrokerConfig: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cluster_id: string;
                broker_id: number;
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    deleteKafkaBrokerReplicaExclusions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cluster_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: {
                        broker_id: number;
                        reason: string;
                    }[];
                };
            };
        };
        responses: never;
    };
    deleteKafkaBrokers: {
        parameters: {
            query?: {
                should_shutdown?: boolean;
            };
            header?: never;
            path: {
                cluster_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    broker_ids: number[];
                };
            };
        };
        responses: never;
    };
    getKafkaClusterConfig: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cluster_id: string;
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    updateKafkaClusterConfig: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cluster_id: string;
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The new value; null resets it. */
                    value?: string | null;
                };
            };
        };
        responses: never;
    };
    deleteKafkaClusterConfig: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cluster_id: string;
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    getKafkaLink: {
        parameters: {
            query?: {
                include_tasks?: boolean;
            };
            header?: never;
            path: {
                cluster_id: string;
                link_name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    deleteKafkaLink: {
        parameters: {
            query?: {
                force?: boolean;
                validate_only?: boolean;
            };
            header?: never;
            path: {
                cluster_id: string;
                link_name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    getKafkaLinkConfigs: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cluster_id: string;
                link_name: string;
                config_name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    updateKafkaLinkConfig: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cluster_id: string;
                link_name: string;
                config_name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    value: string;
                };
            };
        };
        responses: never;
    };
    deleteKafkaLinkConfig: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cluster_id: string;
                link_name: string;
                config_name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    getKafkaQuotasV1ClientQuota: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    deleteKafkaQuotasV1ClientQuota: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    updateKafkaQuotasV1ClientQuota: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    spec: {
                        /** @description A human-readable name for the quota. */
                        display_name?: string;
                        /** @description A description of the quota. */
                        description?: string;
                        throughput?: {
                            /** @description Ingress throughput limit, in bytes per second (an int64 as a string). */
                            ingress_byte_rate: string;
                            /** @description Egress throughput limit, in bytes per second (an int64 as a string). */
                            egress_byte_rate: string;
                        };
                        /** @description The service accounts or identity pools the quota applies to (422 if one does not exist); `<default>` for every service account without a quota of its own. */
                        principals?: {
                            id: string;
                            /** Format: uri */
                            readonly related?: string;
                            /** Format: uri */
                            readonly resource_name?: string;
                        }[];
                        /** @description A reference to an object scoped to an environment. */
                        cluster?: {
                            id: string;
                            readonly environment?: string;
                            /** Format: uri */
                            readonly related?: string;
                            /** Format: uri */
                            readonly resource_name?: string;
                        };
                        /** @description A reference to an object that is not scoped to an environment. */
                        environment?: {
                            id: string;
                            /** Format: uri */
                            readonly related?: string;
                            /** Format: uri */
                            readonly resource_name?: string;
                        };
                    };
                };
            };
        };
        responses: never;
    };
    getKafkaTopic: {
        parameters: {
            query?: {
                include_authorized_operations?: boolean;
            };
            header?: never;
            path: {
                cluster_id: string;
                topic_name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    deleteKafkaTopic: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cluster_id: string;
                topic_name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    updatePartitionCountKafkaTopic: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cluster_id: string;
                topic_name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The new partition count; it can only grow. */
                    partitions_count: number;
                };
            };
        };
        responses: never;
    };
    getKafkaTopicConfig: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cluster_id: string;
                topic_name: string;
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    updateKafkaTopicConfig: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cluster_id: string;
                topic_name: string;
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The new value; null resets it. */
                    value?: string | null;
                };
            };
        };
        responses: never;
    };
    deleteKafkaTopicConfig: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cluster_id: string;
                topic_name: string;
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    getKsqldbcmV2Cluster: {
        parameters: {
            query: {
                environment: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    deleteKsqldbcmV2Cluster: {
        parameters: {
            query: {
                environment: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    getNetworkingV1DnsForwarder: {
        parameters: {
            query: {
                environment: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    deleteNetworkingV1DnsForwarder: {
        parameters: {
            query: {
                environment: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    updateNetworkingV1DnsForwarder: {
        parameters: {
            query?: {
                environment?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    spec: {
                        /** @description A new human-readable name. */
                        display_name?: string;
                        /** @description The domains resolved through the forwarder. */
                        domains?: string[];
                        /** @description How DNS queries are forwarded. */
                        config?: {
                            /**
                             * @description The kind of this object: ForwardViaIp.
                             * @enum {string}
                             */
                            kind: "ForwardViaIp";
                            /** @description The IP addresses of the DNS servers. */
                            dns_server_ips: string[];
                        };
                        /** @description A reference to an object scoped to an environment. */
                        environment?: {
                            id: string;
                            readonly environment?: string;
                            /** Format: uri */
                            readonly related?: string;
                            /** Format: uri */
                            readonly resource_name?: string;
                        };
                        /** @description A reference to an object scoped to an environment. */
                        gateway?: {
                            id: string;
                            readonly environment?: string;
                            /** Format: uri */
                            readonly related?: string;
                            /** Format: uri */
                            readonly resource_name?: string;
                        };
                    };
                };
            };
        };
        responses: never;
    };
    getNetworkingV1Network: {
        parameters: {
            query: {
                environment: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    deleteNetworkingV1Network: {
        parameters: {
            query: {
                environment: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    updateNetworkingV1Network: {
        parameters: {
            query?: {
                environment?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    spec: {
                        /** @description A new human-readable name. */
                        display_name?: string;
                        /** @description A reference to an object scoped to an environment. */
                        environment?: {
                            id: string;
                            readonly environment?: string;
                            /** Format: uri */
                            readonly related?: string;
                            /** Format: uri */
                            readonly resource_name?: string;
                        };
                        /**
                         * @description Create-only; a value other than the one stored is refused (400).
                         * @enum {string}
                         */
                        cloud?: "AWS" | "GCP" | "AZURE";
                        /** @description Create-only; a value other than the one stored is refused (400). */
                        region?: string;
                        /** @description Create-only; a value other than the one stored is refused (400). */
                        connection_types?: ("PEERING" | "TRANSITGATEWAY" | "PRIVATELINK")[];
                        /** @description Create-only; a value other than the one stored is refused (400). */
                        cidr?: string;
                        /** @description Create-only; a value other than the one stored is refused (400). */
                        zones?: string[];
                        /** @description Create-only; a value other than the one stored is refused (400). */
                        zones_info?: {
                            /** @description The cloud zone id. */
                            zone_id?: string;
                            /** @description A /27 IPv4 CIDR block in the zone. */
                            cidr?: string;
                        }[];
                        /** @description Create-only; a value other than the one stored is refused (400). */
                        dns_config?: {
                            /**
                             * @description How DNS names are resolved (PrivateLink only).
                             * @default CHASED_PRIVATE
                             * @enum {string}
                             */
                            resolution: "CHASED_PRIVATE" | "PRIVATE";
                        };
                        /** @description Create-only; a value other than the one stored is refused (400). */
                        reserved_cidr?: string;
                    };
                };
            };
        };
        responses: never;
    };
    getNetworkingV1Peering: {
        parameters: {
            query: {
                environment: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    deleteNetworkingV1Peering: {
        parameters: {
            query: {
                environment: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    updateNetworkingV1Peering: {
        parameters: {
            query?: {
                environment?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    spec: {
                        /** @description A new human-readable name. */
                        display_name?: string;
                        /** @description A reference to an object scoped to an environment. */
                        environment?: {
                            id: string;
                            readonly environment?: string;
                            /** Format: uri */
                            readonly related?: string;
                            /** Format: uri */
                            readonly resource_name?: string;
                        };
                        /** @description Create-only; a value other than the one stored is refused (400). */
                        cloud?: Record<string, never>;
                        /** @description A reference to an object scoped to an environment. */
                        network?: {
                            id: string;
                            readonly environment?: string;
                            /** Format: uri */
                            readonly related?: string;
                            /** Format: uri */
                            readonly resource_name?: string;
                        };
                    };
                };
            };
        };
        responses: never;
    };
    getNetworkingV1TransitGatewayAttachment: {
        parameters: {
            query: {
                environment: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    deleteNetworkingV1TransitGatewayAttachment: {
        parameters: {
            query: {
                environment: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    updateNetworkingV1TransitGatewayAttachment: {
        parameters: {
            query?: {
                environment?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    spec: {
                        /** @description A new human-readable name. */
                        display_name?: string;
                        /** @description A reference to an object scoped to an environment. */
                        environment?: {
                            id: string;
                            readonly environment?: string;
                            /** Format: uri */
                            readonly related?: string;
                            /** Format: uri */
                            readonly resource_name?: string;
                        };
                        /** @description Create-only; a value other than the one stored is refused (400). */
                        cloud?: Record<string, never>;
                        /** @description A reference to an object scoped to an environment. */
                        network?: {
                            id: string;
                            readonly environment?: string;
                            /** Format: uri */
                            readonly related?: string;
                            /** Format: uri */
                            readonly resource_name?: string;
                        };
                    };
                };
            };
        };
        responses: never;
    };
    getNotificationsV1Integration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    deleteNotificationsV1Integration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    updateNotificationsV1Integration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description A human-readable name for the integration. */
                    display_name?: string;
                    /** @description A description of the integration. */
                    description?: string;
                    /** @description Where notifications are delivered; only Webhook, Slack and MsTeams integrations can be written. */
                    target?: {
                        /**
                         * @description The kind of this object: Webhook.
                         * @enum {string}
                         */
                        kind: "Webhook";
                        /**
                         * Format: uri
                         * @description The URL notifications are posted to.
                         */
                        url: string;
                    } | {
                        /**
                         * @description The kind of this object: Slack.
                         * @enum {string}
                         */
                        kind: "Slack";
                        /**
                         * Format: uri
                         * @description The Slack incoming webhook URL.
                         */
                        webhook_url: string;
                    } | {
                        /**
                         * @description The kind of this object: MsTeams.
                         * @enum {string}
                         */
                        kind: "MsTeams";
                        /**
                         * Format: uri
                         * @description The Microsoft Teams incoming webhook URL.
                         */
                        webhook_url: string;
                    };
                };
            };
        };
        responses: never;
    };
    getNotificationsV1Subscription: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    deleteNotificationsV1Subscription: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    updateNotificationsV1Subscription: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    current_state?: "ENABLED" | "DISABLED";
                    /** @description Create-only; sending the stored value is accepted, another one answers 400. */
                    notification_type?: {
                        id: string;
                        /** Format: uri */
                        readonly related?: string;
                        /** Format: uri */
                        readonly resource_name?: string;
                    };
                    integrations?: {
                        id: string;
                        /** Format: uri */
                        readonly related?: string;
                        /** Format: uri */
                        readonly resource_name?: string;
                    }[];
                };
            };
        };
        responses: never;
    };
    getOrgV2Environment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    deleteOrgV2Environment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    updateOrgV2Environment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description A human-readable name for the Environment. */
                    display_name?: string;
                    /** @description Stream Governance configuration of the environment. */
                    stream_governance_config?: {
                        /**
                         * @description The Stream Governance package.
                         * @enum {string}
                         */
                        package?: "ESSENTIALS" | "ADVANCED";
                    };
                };
            };
        };
        responses: never;
    };
    deleteRestProxyV2Consumer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                group_name: string;
                instance: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    getSchemaByVersion: {
        parameters: {
            query?: {
                format?: string;
                deleted?: boolean;
            };
            header?: never;
            path: {
                subject: string;
                version: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    deleteSchemaVersion: {
        parameters: {
            query?: {
                permanent?: boolean;
            };
            header?: never;
            path: {
                subject: string;
                version: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    getSdV1Pipeline: {
        parameters: {
            query: {
                environment: string;
                "spec.kafka_cluster": string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    deleteSdV1Pipeline: {
        parameters: {
            query: {
                environment: string;
                "spec.kafka_cluster": string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    updateSdV1Pipeline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    spec: {
                        /** @description The name of the pipeline. */
                        display_name?: string;
                        /** @description A description of the pipeline. */
                        description?: string;
                        /** @description Topics kept when the pipeline is deactivated. */
                        retained_topic_names?: string[];
                        /**
                         * @description The desired state of the pipeline.
                         * @default false
                         */
                        activated?: boolean;
                        /**
                         * @description Whether the pipeline may be activated.
                         * @default false
                         */
                        activation_privilege?: boolean;
                        /** @description The source code of the pipeline. */
                        source_code?: {
                            /** @description The ksqlDB statements of the pipeline. */
                            sql: string;
                        };
                        /** @description Secret values referenced by the source code, by name. */
                        secrets?: {
                            [key: string]: string;
                        };
                        /** @description A reference to an object scoped to an environment. */
                        environment?: {
                            id: string;
                            readonly environment?: string;
                            /** Format: uri */
                            readonly related?: string;
                            /** Format: uri */
                            readonly resource_name?: string;
                        };
                        /** @description A reference to an object scoped to an environment. */
                        kafka_cluster?: {
                            id: string;
                            readonly environment?: string;
                            /** Format: uri */
                            readonly related?: string;
                            /** Format: uri */
                            readonly resource_name?: string;
                        };
                        /** @description A reference to an object scoped to an environment. */
                        ksql_cluster?: {
                            id: string;
                            readonly environment?: string;
                            /** Format: uri */
                            readonly related?: string;
                            /** Format: uri */
                            readonly resource_name?: string;
                        };
                        /** @description A reference to an object scoped to an environment. */
                        stream_governance_cluster?: {
                            id: string;
                            readonly environment?: string;
                            /** Format: uri */
                            readonly related?: string;
                            /** Format: uri */
                            readonly resource_name?: string;
                        };
                    };
                };
            };
        };
        responses: never;
    };
    getSqlv1Statement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organization_id: string;
                environment_id: string;
                statement_name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    updateSqlv1Statement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organization_id: string;
                environment_id: string;
                statement_name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The name of the statement, unique in the environment. */
                    name: string;
                    /** Format: uuid */
                    organization_id?: string;
                    environment_id?: string;
                    metadata: {
                        /** @description The resource_version last read. */
                        resource_version: string;
                    };
                    spec: {
                        /** @description The SQL text of the statement. */
                        statement?: string;
                        /** @description Statement properties, such as sql.current-catalog and sql.current-database. */
                        properties?: {
                            [key: string]: string;
                        };
                        /** @description The compute pool the statement runs in, such as lfcp-00000. */
                        compute_pool_id?: string;
                        /** @description The principal the statement runs as, such as sa-abc123. */
                        principal?: string;
                        /** @description Whether the statement is stopped. */
                        stopped: boolean;
                    };
                };
            };
        };
        responses: never;
    };
    deleteSqlv1Statement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organization_id: string;
                environment_id: string;
                statement_name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    getSrcmV2Cluster: {
        parameters: {
            query: {
                environment: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    deleteSrcmV2Cluster: {
        parameters: {
            query: {
                environment: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    updateSrcmV2Cluster: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The desired state of the Cluster. `environment` is required; the emulator checks it after finding the cluster, so an unknown cluster is a 404. */
                    spec: {
                        /**
                         * @description The Stream Governance (billing) package. Clusters can be upgraded from ESSENTIALS to ADVANCED, but cannot be downgraded from ADVANCED to ESSENTIALS.
                         * @enum {string}
                         */
                        package?: "ESSENTIALS" | "ADVANCED";
                        /**
                         * @description The network access type for the cluster.
                         * @enum {string}
                         */
                        network_type?: "PUBLIC" | "PRIVATE";
                        /** @description A reference to an object that is not scoped to an environment. */
                        environment?: {
                            id: string;
                            /** Format: uri */
                            readonly related?: string;
                            /** Format: uri */
                            readonly resource_name?: string;
                        };
                    };
                };
            };
        };
        responses: never;
    };
    lookUpSchemaUnderSubject: {
        parameters: {
            query?: {
                normalize?: boolean;
                format?: string;
                deleted?: boolean;
            };
            header?: never;
            path: {
                subject: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: int32
                     * @description Version number (honoured in IMPORT mode only).
                     */
                    version?: number;
                    /**
                     * Format: int32
                     * @description Globally unique identifier of the schema (honoured in IMPORT mode only).
                     */
                    id?: number;
                    /**
                     * @description Schema type: AVRO (default), JSON or PROTOBUF.
                     * @example AVRO
                     */
                    schemaType?: string;
                    /** @description References to other schemas. */
                    references?: {
                        /**
                         * @description Reference name: the Avro full name, JSON Schema `$ref` URL or Protobuf import.
                         * @example io.confluent.kafka.example.User
                         */
                        name?: string;
                        /** @example User */
                        subject?: string;
                        /**
                         * Format: int32
                         * @example 1
                         */
                        version?: number;
                    }[];
                    /** @description Schema definition string. */
                    schema?: string;
                    /** @description User-defined metadata. */
                    metadata?: {
                        tags?: {
                            [key: string]: string[];
                        };
                        properties?: {
                            [key: string]: string;
                        };
                        sensitive?: string[];
                    } | null;
                    /** @description A schema rule set. */
                    ruleSet?: {
                        migrationRules?: {
                            name?: string;
                            doc?: string;
                            /** @enum {string} */
                            kind?: "TRANSFORM" | "CONDITION";
                            /** @enum {string} */
                            mode?: "UPGRADE" | "DOWNGRADE" | "UPDOWN" | "WRITE" | "READ" | "WRITEREAD";
                            type?: string;
                            tags?: string[];
                            params?: {
                                [key: string]: string;
                            };
                            expr?: string;
                            onSuccess?: string;
                            onFailure?: string;
                            disabled?: boolean;
                        }[];
                        domainRules?: {
                            name?: string;
                            doc?: string;
                            /** @enum {string} */
                            kind?: "TRANSFORM" | "CONDITION";
                            /** @enum {string} */
                            mode?: "UPGRADE" | "DOWNGRADE" | "UPDOWN" | "WRITE" | "READ" | "WRITEREAD";
                            type?: string;
                            tags?: string[];
                            params?: {
                                [key: string]: string;
                            };
                            expr?: string;
                            onSuccess?: string;
                            onFailure?: string;
                            disabled?: boolean;
                        }[];
                        encodingRules?: {
                            name?: string;
                            doc?: string;
                            /** @enum {string} */
                            kind?: "TRANSFORM" | "CONDITION";
                            /** @enum {string} */
                            mode?: "UPGRADE" | "DOWNGRADE" | "UPDOWN" | "WRITE" | "READ" | "WRITEREAD";
                            type?: string;
                            tags?: string[];
                            params?: {
                                [key: string]: string;
                            };
                            expr?: string;
                            onSuccess?: string;
                            onFailure?: string;
                            disabled?: boolean;
                        }[];
                        /** @enum {string} */
                        enableAt?: "ALL" | "CLIENT" | "GATEWAY" | "SERVER" | "NONE";
                    } | null;
                    schemaTagsToAdd?: {
                        schemaEntity?: {
                            entityPath?: string;
                            /** @enum {string} */
                            entityType?: "sr_record" | "sr_field";
                        };
                        tags?: string[];
                    }[];
                    schemaTagsToRemove?: {
                        schemaEntity?: {
                            entityPath?: string;
                            /** @enum {string} */
                            entityType?: "sr_record" | "sr_field";
                        };
                        tags?: string[];
                    }[];
                    propagateSchemaTags?: boolean;
                };
            };
        };
        responses: never;
    };
    deleteSubject: {
        parameters: {
            query?: {
                permanent?: boolean;
            };
            header?: never;
            path: {
                subject: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    getSubjectLevelConfig: {
        parameters: {
            query?: {
                defaultToGlobal?: boolean;
            };
            header?: never;
            path: {
                subject: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    updateSubjectLevelConfig: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                subject: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description If set, this subject is an alias for the subject named here. */
                    alias?: string;
                    /** @description If set, this subject is an alias for the named subject when accessing DEKs. */
                    aliasForDeks?: string;
                    /** @description Whether schemas are normalized on registration and lookup without the query parameter. */
                    normalize?: boolean;
                    validateFields?: boolean;
                    validateNewSchemas?: boolean;
                    validateRules?: boolean;
                    /**
                     * @description Compatibility level: BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE or NONE (extensible).
                     * @example FULL_TRANSITIVE
                     */
                    compatibility?: string;
                    compatibilityPolicy?: string;
                    /** @description Only schemas of the same compatibility group are checked against each other. */
                    compatibilityGroup?: string;
                    /** @description User-defined metadata. */
                    defaultMetadata?: {
                        tags?: {
                            [key: string]: string[];
                        };
                        properties?: {
                            [key: string]: string;
                        };
                        sensitive?: string[];
                    } | null;
                    /** @description User-defined metadata. */
                    overrideMetadata?: {
                        tags?: {
                            [key: string]: string[];
                        };
                        properties?: {
                            [key: string]: string;
                        };
                        sensitive?: string[];
                    } | null;
                    /** @description A schema rule set. */
                    defaultRuleSet?: {
                        migrationRules?: {
                            name?: string;
                            doc?: string;
                            /** @enum {string} */
                            kind?: "TRANSFORM" | "CONDITION";
                            /** @enum {string} */
                            mode?: "UPGRADE" | "DOWNGRADE" | "UPDOWN" | "WRITE" | "READ" | "WRITEREAD";
                            type?: string;
                            tags?: string[];
                            params?: {
                                [key: string]: string;
                            };
                            expr?: string;
                            onSuccess?: string;
                            onFailure?: string;
                            disabled?: boolean;
                        }[];
                        domainRules?: {
                            name?: string;
                            doc?: string;
                            /** @enum {string} */
                            kind?: "TRANSFORM" | "CONDITION";
                            /** @enum {string} */
                            mode?: "UPGRADE" | "DOWNGRADE" | "UPDOWN" | "WRITE" | "READ" | "WRITEREAD";
                            type?: string;
                            tags?: string[];
                            params?: {
                                [key: string]: string;
                            };
                            expr?: string;
                            onSuccess?: string;
                            onFailure?: string;
                            disabled?: boolean;
                        }[];
                        encodingRules?: {
                            name?: string;
                            doc?: string;
                            /** @enum {string} */
                            kind?: "TRANSFORM" | "CONDITION";
                            /** @enum {string} */
                            mode?: "UPGRADE" | "DOWNGRADE" | "UPDOWN" | "WRITE" | "READ" | "WRITEREAD";
                            type?: string;
                            tags?: string[];
                            params?: {
                                [key: string]: string;
                            };
                            expr?: string;
                            onSuccess?: string;
                            onFailure?: string;
                            disabled?: boolean;
                        }[];
                        /** @enum {string} */
                        enableAt?: "ALL" | "CLIENT" | "GATEWAY" | "SERVER" | "NONE";
                    } | null;
                    /** @description A schema rule set. */
                    overrideRuleSet?: {
                        migrationRules?: {
                            name?: string;
                            doc?: string;
                            /** @enum {string} */
                            kind?: "TRANSFORM" | "CONDITION";
                            /** @enum {string} */
                            mode?: "UPGRADE" | "DOWNGRADE" | "UPDOWN" | "WRITE" | "READ" | "WRITEREAD";
                            type?: string;
                            tags?: string[];
                            params?: {
                                [key: string]: string;
                            };
                            expr?: string;
                            onSuccess?: string;
                            onFailure?: string;
                            disabled?: boolean;
                        }[];
                        domainRules?: {
                            name?: string;
                            doc?: string;
                            /** @enum {string} */
                            kind?: "TRANSFORM" | "CONDITION";
                            /** @enum {string} */
                            mode?: "UPGRADE" | "DOWNGRADE" | "UPDOWN" | "WRITE" | "READ" | "WRITEREAD";
                            type?: string;
                            tags?: string[];
                            params?: {
                                [key: string]: string;
                            };
                            expr?: string;
                            onSuccess?: string;
                            onFailure?: string;
                            disabled?: boolean;
                        }[];
                        encodingRules?: {
                            name?: string;
                            doc?: string;
                            /** @enum {string} */
                            kind?: "TRANSFORM" | "CONDITION";
                            /** @enum {string} */
                            mode?: "UPGRADE" | "DOWNGRADE" | "UPDOWN" | "WRITE" | "READ" | "WRITEREAD";
                            type?: string;
                            tags?: string[];
                            params?: {
                                [key: string]: string;
                            };
                            expr?: string;
                            onSuccess?: string;
                            onFailure?: string;
                            disabled?: boolean;
                        }[];
                        /** @enum {string} */
                        enableAt?: "ALL" | "CLIENT" | "GATEWAY" | "SERVER" | "NONE";
                    } | null;
                };
            };
        };
        responses: never;
    };
    deleteSubjectConfig: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                subject: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    getMode: {
        parameters: {
            query?: {
                defaultToGlobal?: boolean;
            };
            header?: never;
            path: {
                subject: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    updateMode: {
        parameters: {
            query?: {
                force?: boolean;
            };
            header?: never;
            path: {
                subject: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description READWRITE, READONLY, READONLY_OVERRIDE or IMPORT (extensible).
                     * @example READWRITE
                     */
                    mode?: string;
                };
            };
        };
        responses: never;
    };
    deleteSubjectMode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                subject: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    deleteTag: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                typeName: string;
                qualifiedName: string;
                tagName: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    getTagDefByName: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tagName: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    deleteTagDef: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tagName: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    getTopLevelConfig: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    updateTopLevelConfig: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description If set, this subject is an alias for the subject named here. */
                    alias?: string;
                    /** @description If set, this subject is an alias for the named subject when accessing DEKs. */
                    aliasForDeks?: string;
                    /** @description Whether schemas are normalized on registration and lookup without the query parameter. */
                    normalize?: boolean;
                    validateFields?: boolean;
                    validateNewSchemas?: boolean;
                    validateRules?: boolean;
                    /**
                     * @description Compatibility level: BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE or NONE (extensible).
                     * @example FULL_TRANSITIVE
                     */
                    compatibility?: string;
                    compatibilityPolicy?: string;
                    /** @description Only schemas of the same compatibility group are checked against each other. */
                    compatibilityGroup?: string;
                    /** @description User-defined metadata. */
                    defaultMetadata?: {
                        tags?: {
                            [key: string]: string[];
                        };
                        properties?: {
                            [key: string]: string;
                        };
                        sensitive?: string[];
                    } | null;
                    /** @description User-defined metadata. */
                    overrideMetadata?: {
                        tags?: {
                            [key: string]: string[];
                        };
                        properties?: {
                            [key: string]: string;
                        };
                        sensitive?: string[];
                    } | null;
                    /** @description A schema rule set. */
                    defaultRuleSet?: {
                        migrationRules?: {
                            name?: string;
                            doc?: string;
                            /** @enum {string} */
                            kind?: "TRANSFORM" | "CONDITION";
                            /** @enum {string} */
                            mode?: "UPGRADE" | "DOWNGRADE" | "UPDOWN" | "WRITE" | "READ" | "WRITEREAD";
                            type?: string;
                            tags?: string[];
                            params?: {
                                [key: string]: string;
                            };
                            expr?: string;
                            onSuccess?: string;
                            onFailure?: string;
                            disabled?: boolean;
                        }[];
                        domainRules?: {
                            name?: string;
                            doc?: string;
                            /** @enum {string} */
                            kind?: "TRANSFORM" | "CONDITION";
                            /** @enum {string} */
                            mode?: "UPGRADE" | "DOWNGRADE" | "UPDOWN" | "WRITE" | "READ" | "WRITEREAD";
                            type?: string;
                            tags?: string[];
                            params?: {
                                [key: string]: string;
                            };
                            expr?: string;
                            onSuccess?: string;
                            onFailure?: string;
                            disabled?: boolean;
                        }[];
                        encodingRules?: {
                            name?: string;
                            doc?: string;
                            /** @enum {string} */
                            kind?: "TRANSFORM" | "CONDITION";
                            /** @enum {string} */
                            mode?: "UPGRADE" | "DOWNGRADE" | "UPDOWN" | "WRITE" | "READ" | "WRITEREAD";
                            type?: string;
                            tags?: string[];
                            params?: {
                                [key: string]: string;
                            };
                            expr?: string;
                            onSuccess?: string;
                            onFailure?: string;
                            disabled?: boolean;
                        }[];
                        /** @enum {string} */
                        enableAt?: "ALL" | "CLIENT" | "GATEWAY" | "SERVER" | "NONE";
                    } | null;
                    /** @description A schema rule set. */
                    overrideRuleSet?: {
                        migrationRules?: {
                            name?: string;
                            doc?: string;
                            /** @enum {string} */
                            kind?: "TRANSFORM" | "CONDITION";
                            /** @enum {string} */
                            mode?: "UPGRADE" | "DOWNGRADE" | "UPDOWN" | "WRITE" | "READ" | "WRITEREAD";
                            type?: string;
                            tags?: string[];
                            params?: {
                                [key: string]: string;
                            };
                            expr?: string;
                            onSuccess?: string;
                            onFailure?: string;
                            disabled?: boolean;
                        }[];
                        domainRules?: {
                            name?: string;
                            doc?: string;
                            /** @enum {string} */
                            kind?: "TRANSFORM" | "CONDITION";
                            /** @enum {string} */
                            mode?: "UPGRADE" | "DOWNGRADE" | "UPDOWN" | "WRITE" | "READ" | "WRITEREAD";
                            type?: string;
                            tags?: string[];
                            params?: {
                                [key: string]: string;
                            };
                            expr?: string;
                            onSuccess?: string;
                            onFailure?: string;
                            disabled?: boolean;
                        }[];
                        encodingRules?: {
                            name?: string;
                            doc?: string;
                            /** @enum {string} */
                            kind?: "TRANSFORM" | "CONDITION";
                            /** @enum {string} */
                            mode?: "UPGRADE" | "DOWNGRADE" | "UPDOWN" | "WRITE" | "READ" | "WRITEREAD";
                            type?: string;
                            tags?: string[];
                            params?: {
                                [key: string]: string;
                            };
                            expr?: string;
                            onSuccess?: string;
                            onFailure?: string;
                            disabled?: boolean;
                        }[];
                        /** @enum {string} */
                        enableAt?: "ALL" | "CLIENT" | "GATEWAY" | "SERVER" | "NONE";
                    } | null;
                };
            };
        };
        responses: never;
    };
    deleteTopLevelConfig: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    describeCells: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cluster_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    exchangeStsV1OauthToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description The grant type.
                     * @enum {string}
                     */
                    grant_type: "urn:ietf:params:oauth:grant-type:token-exchange";
                    /** @description The token (a JWT) of the external identity provider. */
                    subject_token: string;
                    /** @description The identity pool the token is exchanged for. */
                    identity_pool_id: string;
                    /**
                     * @description The type of the subject token.
                     * @enum {string}
                     */
                    subject_token_type: "urn:ietf:params:oauth:token-type:jwt";
                    /**
                     * @description The type of the requested token.
                     * @enum {string}
                     */
                    requested_token_type: "urn:ietf:params:oauth:token-type:access_token";
                    /** @description The lifetime of the issued token, in seconds (a form field, so a string of digits); at most 900, the default. */
                    expires_in?: string;
                };
            };
        };
        responses: never;
    };
    exportEmulatorSnapshot: {
        parameters: {
            query?: {
                include_secrets?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    importEmulatorSnapshot: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    format: "ccloud-emulator-snapshot";
                    schema_version: number;
                    /** Format: date-time */
                    exported_at?: string;
                    /** @description The virtual clock when the snapshot was taken; importing the snapshot sets the clock to it. */
                    clock?: {
                        epoch_ms: number;
                        frozen: boolean;
                    };
                    resources: {
                        seq: number;
                        org_id: string;
                        type: string;
                        id: string;
                        scope: string;
                        crn: string;
                        body: Record<string, never>;
                        lifecycle?: Record<string, never> | null;
                        created_at: number;
                        updated_at: number;
                        deleted_at?: number | null;
                    }[];
                    /** @description Rows of the tables keyed by cluster (Kafka topics, records, committed offsets), by table name. Binary columns are written as `{"base64": "..."}`. */
                    cluster_data?: {
                        [key: string]: Record<string, never>[];
                    };
                    credentials: {
                        key_id: string;
                        secret_hash: string;
                        org_id: string;
                        owner_id: string;
                        resource_id?: string | null;
                        deleted_at?: number | null;
                    }[];
                    issued_ids: string[];
                };
            };
        };
        responses: never;
    };
    failEmulatorResource: {
        parameters: {
            query?: {
                organization_id?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description The error message the resource reports */
                    message?: string;
                };
            };
        };
        responses: never;
    };
    fetchRestProxyV2Records: {
        parameters: {
            query?: {
                timeout?: number;
                max_bytes?: number;
            };
            header?: never;
            path: {
                group_name: string;
                instance: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    getBusinessMetadata: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                typeName: string;
                qualifiedName: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    getByUniqueAttributes: {
        parameters: {
            query?: {
                minExtInfo?: boolean;
                ignoreRelationships?: boolean;
            };
            header?: never;
            path: {
                typeName: string;
                qualifiedName: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    getCdxV1ConsumerSharedResource: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    getCdxV1OptIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    updateCdxV1OptIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Whether stream sharing is enabled. */
                    stream_share_enabled?: boolean;
                };
            };
        };
        responses: never;
    };
    getCdxV1ProviderSharedResource: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    updateCdxV1ProviderSharedResource: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The CRNs of the shared resources. */
                    resources?: string[];
                    /** @description The name of the shared stream. */
                    display_name?: string;
                    /** @description A description of the providing organization. */
                    organization_description?: string;
                    /**
                     * Format: email
                     * @description The contact email of the providing organization.
                     */
                    organization_contact?: string;
                };
            };
        };
        responses: never;
    };
    getClusterConfig: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    getEmulatorAuthorization: {
        parameters: {
            query: {
                principal: string;
                action: string;
                crn: string;
                host?: string;
                groups?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    getEmulatorClock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    setEmulatorClock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: date-time */
                    now?: string;
                    frozen?: boolean;
                    lifecycle?: string;
                };
            };
        };
        responses: never;
    };
    getEmulatorHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    getEmulatorKafkaCa: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    getExporterConfigByName: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    updateExporterConfigByName: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    "schema.registry.url"?: string;
                    /** @example USER_INFO */
                    "basic.auth.credentials.source"?: string;
                    "basic.auth.user.info"?: string;
                } & {
                    [key: string]: string;
                };
            };
        };
        responses: never;
    };
    getExporterStatusByName: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    getKafkaBalancerAnyUnevenLoad: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cluster_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    getKafkaBalancerStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cluster_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    getKafkaBrokerReplicaExclusion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cluster_id: string;
                broker_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    getKafkaBrokerTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cluster_id: string;
                broker_id: number;
                task_type: "add-broker" | "remove-broker";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    getKafkaCluster: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cluster_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    getKafkaConsumer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cluster_id: string;
                consumer_group_id: string;
                consumer_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    getKafkaConsumerAssignment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cluster_id: string;
                consumer_group_id: string;
                consumer_id: string;
                topic_name: string;
                partition_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    getKafkaConsumerGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cluster_id: string;
                consumer_group_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    getKafkaConsumerGroupLagSummary: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cluster_id: string;
                consumer_group_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    getKafkaConsumerLag: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cluster_id: string;
                consumer_group_id: string;
                topic_name: string;
                partition_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    getKafkaPartition: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cluster_id: string;
                topic_name: string;
                partition_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    getKafkaReassignment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cluster_id: string;
                topic_name: string;
                partition_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    getKafkaRemoveBrokerTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cluster_id: string;
                broker_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    getKafkaReplica: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cluster_id: string;
                topic_name: string;
                partition_id: number;
                broker_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    getLatestWithMetadata: {
        parameters: {
            query?: {
                key?: string[];
                value?: string[];
                format?: string;
                deleted?: boolean;
            };
            header?: never;
            path: {
                subject: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    getNotificationsV1NotificationType: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    getOrgV2Organization: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    updateOrgV2Organization: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description A human-readable name for the Organization. */
                    display_name?: string;
                    /** @description Whether just-in-time user provisioning is enabled. */
                    jit_enabled?: boolean;
                };
            };
        };
        responses: never;
    };
    getPartnerV2Entitlement: {
        parameters: {
            query?: {
                "organization.id"?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    getPartnerV2Organization: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    getReferencedBy: {
        parameters: {
            query?: {
                offset?: number;
                limit?: number;
            };
            header?: never;
            path: {
                subject: string;
                version: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    getRestProxyV2Partition: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                topic_name: string;
                partition_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    produceRestProxyV2Partition: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                topic_name: string;
                partition_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    key_schema?: string | null;
                    key_schema_id?: number | null;
                    value_schema?: string | null;
                    value_schema_id?: number | null;
                    records: {
                        /** @description Any JSON value, or null. */
                        key?: unknown;
                        /** @description Any JSON value, or null. */
                        value?: unknown;
                        partition?: number | null;
                    }[];
                };
            };
        };
        responses: never;
    };
    getRestProxyV2PartitionOffsets: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                topic_name: string;
                partition_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    getRestProxyV2Subscription: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                group_name: string;
                instance: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    subscribeRestProxyV2Consumer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                group_name: string;
                instance: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    topics?: string[];
                    topic_pattern?: string;
                };
            };
        };
        responses: never;
    };
    unsubscribeRestProxyV2Consumer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                group_name: string;
                instance: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    getRestProxyV2Topic: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                topic_name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    produceRestProxyV2Topic: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                topic_name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    key_schema?: string | null;
                    key_schema_id?: number | null;
                    value_schema?: string | null;
                    value_schema_id?: number | null;
                    records: {
                        /** @description Any JSON value, or null. */
                        key?: unknown;
                        /** @description Any JSON value, or null. */
                        value?: unknown;
                        partition?: number | null;
                    }[];
                };
            };
        };
        responses: never;
    };
    getSchema: {
        parameters: {
            query?: {
                subject?: string;
                format?: string;
                fetchMaxId?: boolean;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    getSchemaOnly: {
        parameters: {
            query?: {
                subject?: string;
                format?: string;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    getSchemaOnly_1: {
        parameters: {
            query?: {
                format?: string;
                deleted?: boolean;
            };
            header?: never;
            path: {
                subject: string;
                version: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    getSchemas: {
        parameters: {
            query?: {
                subjectPrefix?: string;
                deleted?: boolean;
                latestOnly?: boolean;
                aliases?: boolean;
                ruleType?: string;
                offset?: number;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    getSchemaTypes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    getServiceQuotaV1AppliedQuota: {
        parameters: {
            query?: {
                environment?: string;
                network?: string;
                kafka_cluster?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    getServiceQuotaV1Scope: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    getSqlv1StatementExceptions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organization_id: string;
                environment_id: string;
                statement_name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    getSqlv1StatementResult: {
        parameters: {
            query?: {
                page_token?: string;
            };
            header?: never;
            path: {
                organization_id: string;
                environment_id: string;
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    getSrcmV2Region: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    getSrcmV3Cluster: {
        parameters: {
            query: {
                environment: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    getSubjects: {
        parameters: {
            query?: {
                subject?: string;
                format?: string;
                deleted?: boolean;
                offset?: number;
                limit?: number;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    getTags: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                typeName: string;
                qualifiedName: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    getTopLevelMode: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    updateTopLevelMode: {
        parameters: {
            query?: {
                force?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description READWRITE, READONLY, READONLY_OVERRIDE or IMPORT (extensible).
                     * @example READWRITE
                     */
                    mode?: string;
                };
            };
        };
        responses: never;
    };
    getVersions: {
        parameters: {
            query?: {
                subject?: string;
                deleted?: boolean;
                offset?: number;
                limit?: number;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    imageCdxV1ConsumerSharedResource: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                file_name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    list: {
        parameters: {
            query?: {
                subjectPrefix?: string;
                deleted?: boolean;
                deletedOnly?: boolean;
                offset?: number;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    listBillingV1Costs: {
        parameters: {
            query: {
                start_date: string;
                end_date: string;
                page_size?: number;
                page_token?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    listCdxV1ConsumerSharedResources: {
        parameters: {
            query?: {
                stream_share?: string;
                include_deleted?: boolean;
                page_size?: number;
                page_token?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    listCdxV1ConsumerShares: {
        parameters: {
            query?: {
                shared_resource?: string;
                include_deleted?: boolean;
                page_size?: number;
                page_token?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    listCdxV1ProviderSharedResources: {
        parameters: {
            query?: {
                stream_share?: string;
                crn?: string;
                include_deleted?: boolean;
                page_size?: number;
                page_token?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    listConnectv1ConnectorPlugins: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                environment_id: string;
                kafka_cluster_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    listConnectv1ConnectorTasks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                environment_id: string;
                kafka_cluster_id: string;
                connector_name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    listContexts: {
        parameters: {
            query?: {
                offset?: number;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    listEmulatorKafkaRecordHeaders: {
        parameters: {
            query: {
                partition: number;
                offset?: number;
                limit?: number;
            };
            header?: never;
            path: {
                cluster_id: string;
                topic_name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    listEmulatorOperations: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    listEmulatorPhasedKinds: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    listExporters: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    registerExporter: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @example test-exporter */
                    name?: string;
                    /**
                     * @description CUSTOM, AUTO (default) or NONE (extensible).
                     * @example AUTO
                     */
                    contextType?: string;
                    /**
                     * @description The destination context when contextType is CUSTOM.
                     * @example User
                     */
                    context?: string;
                    subjects?: string[];
                    /** @description May contain `${subject}`: `dc_${subject}` maps orders to dc_orders. */
                    subjectRenameFormat?: string;
                    /** @description May contain `${kek}`. */
                    kekRenameFormat?: string;
                    /** @description The exporter's configuration. */
                    config?: {
                        [key: string]: string;
                    };
                };
            };
        };
        responses: never;
    };
    listFcpmV2Regions: {
        parameters: {
            query?: {
                cloud?: string;
                region_name?: string;
                page_size?: number;
                page_token?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    listIamV2Users: {
        parameters: {
            query?: {
                page_size?: number;
                page_token?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    listKafkaAllBrokerConfigs: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cluster_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    listKafkaAllBrokerTasks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cluster_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    listKafkaAllBrokerTasksByType: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cluster_id: string;
                task_type: "add-broker" | "remove-broker";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    listKafkaAllReplicaStatuses: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cluster_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    listKafkaAllTopicConfigs: {
        parameters: {
            query?: {
                page_token?: string;
            };
            header?: never;
            path: {
                cluster_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    listKafkaBrokerConfigs: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cluster_id: string;
                broker_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    listKafkaBrokerReplicaExclusions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cluster_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    listKafkaBrokers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cluster_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    listKafkaBrokerTasks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cluster_id: string;
                broker_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    listKafkaClusterConfigs: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cluster_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    listKafkaClusters: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    listKafkaConsumerAssignment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cluster_id: string;
                consumer_group_id: string;
                consumer_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    listKafkaConsumerGroups: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cluster_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    listKafkaConsumerLags: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cluster_id: string;
                consumer_group_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    listKafkaConsumers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cluster_id: string;
                consumer_group_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    listKafkaDefaultTopicConfigs: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cluster_id: string;
                topic_name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    listKafkaLinkConfigs: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cluster_id: string;
                link_name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    listKafkaMirrorTopics: {
        parameters: {
            query?: {
                mirror_status?: "ACTIVE" | "FAILED" | "LINK_FAILED" | "LINK_PAUSED" | "PAUSED" | "PENDING_STOPPED" | "SOURCE_UNAVAILABLE" | "STOPPED" | "PENDING_MIRROR" | "PENDING_SYNCHRONIZE" | "PENDING_SETUP_FOR_RESTORE" | "PENDING_RESTORE";
            };
            header?: never;
            path: {
                cluster_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    listKafkaPartitionReplicaStatuses: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cluster_id: string;
                topic_name: string;
                partition_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    listKafkaPartitions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cluster_id: string;
                topic_name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    listKafkaReassignments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cluster_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    listKafkaRemoveBrokerTasks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cluster_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    listKafkaReplicas: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cluster_id: string;
                topic_name: string;
                partition_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    listKafkaTopicConfigs: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cluster_id: string;
                topic_name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    listKafkaTopicReplicaStatuses: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cluster_id: string;
                topic_name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    listNetworkingV1IpAddresses: {
        parameters: {
            query?: {
                cloud?: string[];
                region?: string[];
                services?: string[];
                address_type?: string[];
                page_size?: number;
                page_token?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    listNotificationsV1NotificationTypes: {
        parameters: {
            query?: {
                page_size?: number;
                page_token?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    listOrgV2Organizations: {
        parameters: {
            query?: {
                page_size?: number;
                page_token?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    listPartnerV2Organizations: {
        parameters: {
            query?: {
                page_size?: number;
                page_token?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    listRestProxyV2Brokers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    listRestProxyV2Partitions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                topic_name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    listRestProxyV2Topics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    listServiceQuotaV1AppliedQuotas: {
        parameters: {
            query: {
                scope: string;
                environment?: string;
                network?: string;
                kafka_cluster?: string;
                id?: string;
                page_size?: number;
                page_token?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    listServiceQuotaV1Scopes: {
        parameters: {
            query?: {
                page_size?: number;
                page_token?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    listSrcmV2Regions: {
        parameters: {
            query?: {
                "spec.cloud"?: string;
                "spec.region_name"?: string;
                "spec.packages"?: string[];
                page_size?: number;
                page_token?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    listSrcmV3Clusters: {
        parameters: {
            query: {
                environment: string;
                page_size?: number;
                page_token?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    listVersions: {
        parameters: {
            query?: {
                deleted?: boolean;
                deletedOnly?: boolean;
                offset?: number;
                limit?: number;
            };
            header?: never;
            path: {
                subject: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    register: {
        parameters: {
            query?: {
                normalize?: boolean;
                format?: string;
            };
            header?: never;
            path: {
                subject: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: int32
                     * @description Version number (honoured in IMPORT mode only).
                     */
                    version?: number;
                    /**
                     * Format: int32
                     * @description Globally unique identifier of the schema (honoured in IMPORT mode only).
                     */
                    id?: number;
                    /**
                     * @description Schema type: AVRO (default), JSON or PROTOBUF.
                     * @example AVRO
                     */
                    schemaType?: string;
                    /** @description References to other schemas. */
                    references?: {
                        /**
                         * @description Reference name: the Avro full name, JSON Schema `$ref` URL or Protobuf import.
                         * @example io.confluent.kafka.example.User
                         */
                        name?: string;
                        /** @example User */
                        subject?: string;
                        /**
                         * Format: int32
                         * @example 1
                         */
                        version?: number;
                    }[];
                    /** @description Schema definition string. */
                    schema?: string;
                    /** @description User-defined metadata. */
                    metadata?: {
                        tags?: {
                            [key: string]: string[];
                        };
                        properties?: {
                            [key: string]: string;
                        };
                        sensitive?: string[];
                    } | null;
                    /** @description A schema rule set. */
                    ruleSet?: {
                        migrationRules?: {
                            name?: string;
                            doc?: string;
                            /** @enum {string} */
                            kind?: "TRANSFORM" | "CONDITION";
                            /** @enum {string} */
                            mode?: "UPGRADE" | "DOWNGRADE" | "UPDOWN" | "WRITE" | "READ" | "WRITEREAD";
                            type?: string;
                            tags?: string[];
                            params?: {
                                [key: string]: string;
                            };
                            expr?: string;
                            onSuccess?: string;
                            onFailure?: string;
                            disabled?: boolean;
                        }[];
                        domainRules?: {
                            name?: string;
                            doc?: string;
                            /** @enum {string} */
                            kind?: "TRANSFORM" | "CONDITION";
                            /** @enum {string} */
                            mode?: "UPGRADE" | "DOWNGRADE" | "UPDOWN" | "WRITE" | "READ" | "WRITEREAD";
                            type?: string;
                            tags?: string[];
                            params?: {
                                [key: string]: string;
                            };
                            expr?: string;
                            onSuccess?: string;
                            onFailure?: string;
                            disabled?: boolean;
                        }[];
                        encodingRules?: {
                            name?: string;
                            doc?: string;
                            /** @enum {string} */
                            kind?: "TRANSFORM" | "CONDITION";
                            /** @enum {string} */
                            mode?: "UPGRADE" | "DOWNGRADE" | "UPDOWN" | "WRITE" | "READ" | "WRITEREAD";
                            type?: string;
                            tags?: string[];
                            params?: {
                                [key: string]: string;
                            };
                            expr?: string;
                            onSuccess?: string;
                            onFailure?: string;
                            disabled?: boolean;
                        }[];
                        /** @enum {string} */
                        enableAt?: "ALL" | "CLIENT" | "GATEWAY" | "SERVER" | "NONE";
                    } | null;
                    schemaTagsToAdd?: {
                        schemaEntity?: {
                            entityPath?: string;
                            /** @enum {string} */
                            entityType?: "sr_record" | "sr_field";
                        };
                        tags?: string[];
                    }[];
                    schemaTagsToRemove?: {
                        schemaEntity?: {
                            entityPath?: string;
                            /** @enum {string} */
                            entityType?: "sr_record" | "sr_field";
                        };
                        tags?: string[];
                    }[];
                    propagateSchemaTags?: boolean;
                };
            };
        };
        responses: never;
    };
    loadEmulatorFixtures: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    organizations: {
                        id: string;
                        display_name?: string;
                        /** @description Resource name (Environment, User, ServiceAccount, ApiKey, ...) to a list of objects in the API's shape plus `id`; an ApiKey may carry its `secret`. Loaded in the order given. */
                        resources?: {
                            [key: string]: Record<string, never>[];
                        };
                    }[];
                };
            };
        };
        responses: never;
    };
    networkCdxV1ConsumerSharedResource: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    partialEntityUpdate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The referred entities, by guid. */
                    referredEntities?: {
                        [key: string]: {
                            /** @description The entity type. */
                            typeName?: string;
                            /** @description The attributes: `qualifiedName`, `name`, those of the entity type and the user attributes (`description`, `owner`, `ownerEmail`). */
                            attributes?: Record<string, never>;
                            /** @description The entity's id. */
                            guid?: string;
                            /** @description The home id. */
                            homeId?: string;
                            /** @description Whether it is a proxy. */
                            isProxy?: boolean;
                            /** @description Whether it is incomplete. */
                            isIncomplete?: boolean;
                            /**
                             * Format: int32
                             * @description The provenance type.
                             */
                            provenanceType?: number;
                            /**
                             * @description The status: DELETED for a soft-deleted subject version and a schema only such versions use.
                             * @enum {string}
                             */
                            status?: "ACTIVE" | "DELETED" | "PURGED";
                            /** @description The creator. */
                            createdBy?: string;
                            /** @description The last updater. */
                            updatedBy?: string;
                            /**
                             * Format: int64
                             * @description When it was created, in epoch milliseconds.
                             */
                            createTime?: number;
                            /**
                             * Format: int64
                             * @description When it was last updated, in epoch milliseconds.
                             */
                            updateTime?: number;
                            /**
                             * Format: int32
                             * @description The version: 0, then one more per update.
                             */
                            version?: number;
                            /** @description The relationship attributes. */
                            relationshipAttributes?: Record<string, never>;
                            /** @description The tags. */
                            classifications?: {
                                /** @description The tag name. */
                                typeName?: string;
                                /** @description The tag's attribute values, by attribute name. */
                                attributes?: Record<string, never>;
                                /** @description The entity's id (set by the server). */
                                entityGuid?: string;
                                /**
                                 * @description The entity's status (set by the server).
                                 * @enum {string}
                                 */
                                entityStatus?: "ACTIVE" | "DELETED" | "PURGED";
                                /** @description Whether the tag propagates. */
                                propagate?: boolean;
                                /** @description The validity periods. */
                                validityPeriods?: {
                                    /** @description The start, as yyyy/MM/dd HH:mm:ss. */
                                    startTime?: string;
                                    /** @description The end, as yyyy/MM/dd HH:mm:ss. */
                                    endTime?: string;
                                    /** @description The time zone (java.util.TimeZone ids). */
                                    timeZone?: string;
                                }[];
                                /** @description Whether to remove propagations when the entity is deleted. */
                                removePropagationsOnEntityDelete?: boolean;
                            }[];
                            /** @description The glossary terms. */
                            meanings?: {
                                /** @description The term id. */
                                termGuid?: string;
                                /** @description The relation id. */
                                relationGuid?: string;
                                /** @description The description. */
                                description?: string;
                                /** @description The display text. */
                                displayText?: string;
                                /** @description The expression. */
                                expression?: string;
                                /** @description The creator. */
                                createdBy?: string;
                                /** @description The steward. */
                                steward?: string;
                                /** @description The source. */
                                source?: string;
                                /**
                                 * Format: int32
                                 * @description The confidence.
                                 */
                                confidence?: number;
                                /**
                                 * @description The status.
                                 * @enum {string}
                                 */
                                status?: "DISCOVERED" | "PROPOSED" | "IMPORTED" | "VALIDATED" | "DEPRECATED" | "OBSOLETE" | "OTHER";
                            }[];
                            /** @description The custom attributes. */
                            customAttributes?: {
                                [key: string]: string;
                            };
                            /** @description The business metadata, by name: each an object of attribute values. */
                            businessAttributes?: {
                                [key: string]: Record<string, never>;
                            };
                            /** @description The labels. */
                            labels?: string[];
                            /** @description Whether it is a proxy. */
                            proxy?: boolean;
                        };
                    };
                    /** @description An entity of the catalog. */
                    entity?: {
                        /** @description The entity type. */
                        typeName?: string;
                        /** @description The attributes: `qualifiedName`, `name`, those of the entity type and the user attributes (`description`, `owner`, `ownerEmail`). */
                        attributes?: Record<string, never>;
                        /** @description The entity's id. */
                        guid?: string;
                        /** @description The home id. */
                        homeId?: string;
                        /** @description Whether it is a proxy. */
                        isProxy?: boolean;
                        /** @description Whether it is incomplete. */
                        isIncomplete?: boolean;
                        /**
                         * Format: int32
                         * @description The provenance type.
                         */
                        provenanceType?: number;
                        /**
                         * @description The status: DELETED for a soft-deleted subject version and a schema only such versions use.
                         * @enum {string}
                         */
                        status?: "ACTIVE" | "DELETED" | "PURGED";
                        /** @description The creator. */
                        createdBy?: string;
                        /** @description The last updater. */
                        updatedBy?: string;
                        /**
                         * Format: int64
                         * @description When it was created, in epoch milliseconds.
                         */
                        createTime?: number;
                        /**
                         * Format: int64
                         * @description When it was last updated, in epoch milliseconds.
                         */
                        updateTime?: number;
                        /**
                         * Format: int32
                         * @description The version: 0, then one more per update.
                         */
                        version?: number;
                        /** @description The relationship attributes. */
                        relationshipAttributes?: Record<string, never>;
                        /** @description The tags. */
                        classifications?: {
                            /** @description The tag name. */
                            typeName?: string;
                            /** @description The tag's attribute values, by attribute name. */
                            attributes?: Record<string, never>;
                            /** @description The entity's id (set by the server). */
                            entityGuid?: string;
                            /**
                             * @description The entity's status (set by the server).
                             * @enum {string}
                             */
                            entityStatus?: "ACTIVE" | "DELETED" | "PURGED";
                            /** @description Whether the tag propagates. */
                            propagate?: boolean;
                            /** @description The validity periods. */
                            validityPeriods?: {
                                /** @description The start, as yyyy/MM/dd HH:mm:ss. */
                                startTime?: string;
                                /** @description The end, as yyyy/MM/dd HH:mm:ss. */
                                endTime?: string;
                                /** @description The time zone (java.util.TimeZone ids). */
                                timeZone?: string;
                            }[];
                            /** @description Whether to remove propagations when the entity is deleted. */
                            removePropagationsOnEntityDelete?: boolean;
                        }[];
                        /** @description The glossary terms. */
                        meanings?: {
                            /** @description The term id. */
                            termGuid?: string;
                            /** @description The relation id. */
                            relationGuid?: string;
                            /** @description The description. */
                            description?: string;
                            /** @description The display text. */
                            displayText?: string;
                            /** @description The expression. */
                            expression?: string;
                            /** @description The creator. */
                            createdBy?: string;
                            /** @description The steward. */
                            steward?: string;
                            /** @description The source. */
                            source?: string;
                            /**
                             * Format: int32
                             * @description The confidence.
                             */
                            confidence?: number;
                            /**
                             * @description The status.
                             * @enum {string}
                             */
                            status?: "DISCOVERED" | "PROPOSED" | "IMPORTED" | "VALIDATED" | "DEPRECATED" | "OBSOLETE" | "OTHER";
                        }[];
                        /** @description The custom attributes. */
                        customAttributes?: {
                            [key: string]: string;
                        };
                        /** @description The business metadata, by name: each an object of attribute values. */
                        businessAttributes?: {
                            [key: string]: Record<string, never>;
                        };
                        /** @description The labels. */
                        labels?: string[];
                        /** @description Whether it is a proxy. */
                        proxy?: boolean;
                    };
                };
            };
        };
        responses: never;
    };
    pauseConnectv1Connector: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                environment_id: string;
                kafka_cluster_id: string;
                connector_name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    pauseExporterByName: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    "presigned-upload-urlConnectV1PresignedUrl": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description The format of the archive to upload.
                     * @enum {string}
                     */
                    content_format: "JAR" | "ZIP";
                };
            };
        };
        responses: never;
    };
    produceRecord: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cluster_id: string;
                topic_name: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description The partition; when absent, chosen from the key (or in turn when there is none). */
                    partition_id?: number | null;
                    headers?: {
                        name: string;
                        /** @description base64 */
                        value?: string | null;
                    }[];
                    /** @description A key or a value: its format and data, or a schema to serialize it with. */
                    key?: {
                        /** @description BINARY (data is base64), JSON (any JSON value) or STRING; a schema format (AVRO, JSONSCHEMA, PROTOBUF) with Schema Registry. */
                        type?: string;
                        /** @description The data, as its type says; may be null. */
                        data?: unknown;
                        schema_id?: number;
                        schema_version?: number;
                        schema?: string;
                        subject?: string;
                        /** @description TOPIC_NAME, RECORD_NAME or TOPIC_RECORD_NAME. */
                        subject_name_strategy?: string;
                    } | null;
                    /** @description A key or a value: its format and data, or a schema to serialize it with. */
                    value?: {
                        /** @description BINARY (data is base64), JSON (any JSON value) or STRING; a schema format (AVRO, JSONSCHEMA, PROTOBUF) with Schema Registry. */
                        type?: string;
                        /** @description The data, as its type says; may be null. */
                        data?: unknown;
                        schema_id?: number;
                        schema_version?: number;
                        schema?: string;
                        subject?: string;
                        /** @description TOPIC_NAME, RECORD_NAME or TOPIC_RECORD_NAME. */
                        subject_name_strategy?: string;
                    } | null;
                    /** Format: date-time */
                    timestamp?: string | null;
                };
            };
        };
        responses: never;
    };
    readConnectv1ConnectorStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                environment_id: string;
                kafka_cluster_id: string;
                connector_name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    readKafkaMirrorTopic: {
        parameters: {
            query?: {
                include_state_transition_errors?: boolean;
            };
            header?: never;
            path: {
                cluster_id: string;
                link_name: string;
                mirror_topic_name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    redeemCdxV1SharedToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The encrypted token of the invitation. */
                    token: string;
                    /** @description The AWS account to allow, for PrivateLink access (the Confluent CLI sends an empty string when none). */
                    aws_account?: string;
                    /** @description The Azure subscription to allow, for Private Link access. */
                    azure_subscription?: string;
                    /** @description The GCP project to allow, for Private Service Connect access. */
                    gcp_project?: string;
                };
            };
        };
        responses: never;
    };
    refreshIamV2JsonWebKeySet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                provider_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    spec?: {
                        /**
                         * @description The desired state of the key data.
                         * @enum {string}
                         */
                        jwks_status?: "REFRESHED";
                    };
                };
            };
        };
        responses: never;
    };
    resendCdxV1ProviderShare: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    resetEmulator: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description The id of the organization to remove. */
                    org?: string;
                };
            };
        };
        responses: never;
    };
    resetExporterByName: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    resourcesCdxV1SharedToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The encrypted token of the invitation. */
                    token: string;
                };
            };
        };
        responses: never;
    };
    resumeConnectv1Connector: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                environment_id: string;
                kafka_cluster_id: string;
                connector_name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    resumeExporterByName: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    searchKafkaReassignmentsByTopic: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cluster_id: string;
                topic_name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    searchKafkaReplicasByBroker: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cluster_id: string;
                broker_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    searchUsingAttribute: {
        parameters: {
            query?: {
                type?: string[];
                types?: string[];
                attr?: string[];
                attrs?: string[];
                tag?: string;
                sortBy?: string;
                sortOrder?: "ASCENDING" | "DESCENDING";
                deleted?: boolean;
                limit?: number;
                offset?: number;
                attrName?: string[];
                attrValuePrefix?: string[];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    searchUsingBasic: {
        parameters: {
            query?: {
                query?: string;
                type?: string[];
                types?: string[];
                attr?: string[];
                attrs?: string[];
                tag?: string;
                sortBy?: string;
                sortOrder?: "ASCENDING" | "DESCENDING";
                deleted?: boolean;
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    seekRestProxyV2Beginning: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                group_name: string;
                instance: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    partitions: {
                        topic: string;
                        partition: number;
                    }[];
                };
            };
        };
        responses: never;
    };
    seekRestProxyV2End: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                group_name: string;
                instance: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    partitions: {
                        topic: string;
                        partition: number;
                    }[];
                };
            };
        };
        responses: never;
    };
    seekRestProxyV2Positions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                group_name: string;
                instance: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    offsets: {
                        topic: string;
                        partition: number;
                        offset: number;
                        metadata?: string;
                    }[];
                };
            };
        };
        responses: never;
    };
    signInEmulatorSso: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The user (`u-...`) who signs in. */
                    user_id: string;
                    /** @description The groups claim of the identity provider's assertion. */
                    groups: string[];
                    /**
                     * @description Lifetime of the session in seconds.
                     * @default 3600
                     */
                    expires_in?: number;
                };
            };
        };
        responses: never;
    };
    signup: {
        parameters: {
            query?: {
                dry_run?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The organization to create. */
                    organization: {
                        /** @description The name of the organization. */
                        name?: string;
                    };
                    /** @description The user to create in the organization. */
                    user?: {
                        /**
                         * Format: email
                         * @description The email address of the user.
                         */
                        email?: string;
                        /** @description The given name of the user. */
                        given_name?: string;
                        /** @description The family name of the user. */
                        family_name?: string;
                    };
                    /** @description A reference to an entitlement created earlier, or the details of one to create with the organization. */
                    entitlement: {
                        id: string;
                        readonly environment?: string;
                        /** Format: uri */
                        readonly related?: string;
                        /** Format: uri */
                        readonly resource_name?: string;
                        readonly api_version?: string;
                        readonly kind?: string;
                    } | {
                        /** @description The identifier of the entitlement at the partner; unique per customer. */
                        external_id: string;
                        /** @description The name of the entitlement. */
                        name: string;
                        /** @description The plan, such as confluent-cloud-payg-prod. */
                        plan_id: string;
                        /** @description The product, such as confluent-cloud-for-apache-kafka. */
                        product_id: string;
                        /** @description The id usage is reported under; defaults to external_id. */
                        usage_reporting_id?: string;
                        /** @description The resource id at the partner. */
                        resource_id?: string;
                        /** @description ObjectReference provides information for you to locate the referred object. */
                        organization?: {
                            id: string;
                            readonly environment?: string;
                            /** Format: uri */
                            readonly related?: string;
                            /** Format: uri */
                            readonly resource_name?: string;
                            readonly api_version?: string;
                            readonly kind?: string;
                        };
                    };
                };
            };
        };
        responses: never;
    };
    streamEmulatorEvents: {
        parameters: {
            query?: {
                organization_id?: string;
                kind?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    testCompatibilityBySubjectName: {
        parameters: {
            query?: {
                normalize?: boolean;
                verbose?: boolean;
            };
            header?: never;
            path: {
                subject: string;
                version: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: int32
                     * @description Version number (honoured in IMPORT mode only).
                     */
                    version?: number;
                    /**
                     * Format: int32
                     * @description Globally unique identifier of the schema (honoured in IMPORT mode only).
                     */
                    id?: number;
                    /**
                     * @description Schema type: AVRO (default), JSON or PROTOBUF.
                     * @example AVRO
                     */
                    schemaType?: string;
                    /** @description References to other schemas. */
                    references?: {
                        /**
                         * @description Reference name: the Avro full name, JSON Schema `$ref` URL or Protobuf import.
                         * @example io.confluent.kafka.example.User
                         */
                        name?: string;
                        /** @example User */
                        subject?: string;
                        /**
                         * Format: int32
                         * @example 1
                         */
                        version?: number;
                    }[];
                    /** @description Schema definition string. */
                    schema?: string;
                    /** @description User-defined metadata. */
                    metadata?: {
                        tags?: {
                            [key: string]: string[];
                        };
                        properties?: {
                            [key: string]: string;
                        };
                        sensitive?: string[];
                    } | null;
                    /** @description A schema rule set. */
                    ruleSet?: {
                        migrationRules?: {
                            name?: string;
                            doc?: string;
                            /** @enum {string} */
                            kind?: "TRANSFORM" | "CONDITION";
                            /** @enum {string} */
                            mode?: "UPGRADE" | "DOWNGRADE" | "UPDOWN" | "WRITE" | "READ" | "WRITEREAD";
                            type?: string;
                            tags?: string[];
                            params?: {
                                [key: string]: string;
                            };
                            expr?: string;
                            onSuccess?: string;
                            onFailure?: string;
                            disabled?: boolean;
                        }[];
                        domainRules?: {
                            name?: string;
                            doc?: string;
                            /** @enum {string} */
                            kind?: "TRANSFORM" | "CONDITION";
                            /** @enum {string} */
                            mode?: "UPGRADE" | "DOWNGRADE" | "UPDOWN" | "WRITE" | "READ" | "WRITEREAD";
                            type?: string;
                            tags?: string[];
                            params?: {
                                [key: string]: string;
                            };
                            expr?: string;
                            onSuccess?: string;
                            onFailure?: string;
                            disabled?: boolean;
                        }[];
                        encodingRules?: {
                            name?: string;
                            doc?: string;
                            /** @enum {string} */
                            kind?: "TRANSFORM" | "CONDITION";
                            /** @enum {string} */
                            mode?: "UPGRADE" | "DOWNGRADE" | "UPDOWN" | "WRITE" | "READ" | "WRITEREAD";
                            type?: string;
                            tags?: string[];
                            params?: {
                                [key: string]: string;
                            };
                            expr?: string;
                            onSuccess?: string;
                            onFailure?: string;
                            disabled?: boolean;
                        }[];
                        /** @enum {string} */
                        enableAt?: "ALL" | "CLIENT" | "GATEWAY" | "SERVER" | "NONE";
                    } | null;
                    schemaTagsToAdd?: {
                        schemaEntity?: {
                            entityPath?: string;
                            /** @enum {string} */
                            entityType?: "sr_record" | "sr_field";
                        };
                        tags?: string[];
                    }[];
                    schemaTagsToRemove?: {
                        schemaEntity?: {
                            entityPath?: string;
                            /** @enum {string} */
                            entityType?: "sr_record" | "sr_field";
                        };
                        tags?: string[];
                    }[];
                    propagateSchemaTags?: boolean;
                };
            };
        };
        responses: never;
    };
    testCompatibilityForSubject: {
        parameters: {
            query?: {
                verbose?: boolean;
            };
            header?: never;
            path: {
                subject: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: int32
                     * @description Version number (honoured in IMPORT mode only).
                     */
                    version?: number;
                    /**
                     * Format: int32
                     * @description Globally unique identifier of the schema (honoured in IMPORT mode only).
                     */
                    id?: number;
                    /**
                     * @description Schema type: AVRO (default), JSON or PROTOBUF.
                     * @example AVRO
                     */
                    schemaType?: string;
                    /** @description References to other schemas. */
                    references?: {
                        /**
                         * @description Reference name: the Avro full name, JSON Schema `$ref` URL or Protobuf import.
                         * @example io.confluent.kafka.example.User
                         */
                        name?: string;
                        /** @example User */
                        subject?: string;
                        /**
                         * Format: int32
                         * @example 1
                         */
                        version?: number;
                    }[];
                    /** @description Schema definition string. */
                    schema?: string;
                    /** @description User-defined metadata. */
                    metadata?: {
                        tags?: {
                            [key: string]: string[];
                        };
                        properties?: {
                            [key: string]: string;
                        };
                        sensitive?: string[];
                    } | null;
                    /** @description A schema rule set. */
                    ruleSet?: {
                        migrationRules?: {
                            name?: string;
                            doc?: string;
                            /** @enum {string} */
                            kind?: "TRANSFORM" | "CONDITION";
                            /** @enum {string} */
                            mode?: "UPGRADE" | "DOWNGRADE" | "UPDOWN" | "WRITE" | "READ" | "WRITEREAD";
                            type?: string;
                            tags?: string[];
                            params?: {
                                [key: string]: string;
                            };
                            expr?: string;
                            onSuccess?: string;
                            onFailure?: string;
                            disabled?: boolean;
                        }[];
                        domainRules?: {
                            name?: string;
                            doc?: string;
                            /** @enum {string} */
                            kind?: "TRANSFORM" | "CONDITION";
                            /** @enum {string} */
                            mode?: "UPGRADE" | "DOWNGRADE" | "UPDOWN" | "WRITE" | "READ" | "WRITEREAD";
                            type?: string;
                            tags?: string[];
                            params?: {
                                [key: string]: string;
                            };
                            expr?: string;
                            onSuccess?: string;
                            onFailure?: string;
                            disabled?: boolean;
                        }[];
                        encodingRules?: {
                            name?: string;
                            doc?: string;
                            /** @enum {string} */
                            kind?: "TRANSFORM" | "CONDITION";
                            /** @enum {string} */
                            mode?: "UPGRADE" | "DOWNGRADE" | "UPDOWN" | "WRITE" | "READ" | "WRITEREAD";
                            type?: string;
                            tags?: string[];
                            params?: {
                                [key: string]: string;
                            };
                            expr?: string;
                            onSuccess?: string;
                            onFailure?: string;
                            disabled?: boolean;
                        }[];
                        /** @enum {string} */
                        enableAt?: "ALL" | "CLIENT" | "GATEWAY" | "SERVER" | "NONE";
                    } | null;
                    schemaTagsToAdd?: {
                        schemaEntity?: {
                            entityPath?: string;
                            /** @enum {string} */
                            entityType?: "sr_record" | "sr_field";
                        };
                        tags?: string[];
                    }[];
                    schemaTagsToRemove?: {
                        schemaEntity?: {
                            entityPath?: string;
                            /** @enum {string} */
                            entityType?: "sr_record" | "sr_field";
                        };
                        tags?: string[];
                    }[];
                    propagateSchemaTags?: boolean;
                };
            };
        };
        responses: never;
    };
    testNotificationsV1Integration: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description A human-readable name for the integration. */
                    display_name: string;
                    /** @description A description of the integration. */
                    description?: string;
                    /** @description Where notifications are delivered; only Webhook, Slack and MsTeams integrations can be written. */
                    target: {
                        /**
                         * @description The kind of this object: Webhook.
                         * @enum {string}
                         */
                        kind: "Webhook";
                        /**
                         * Format: uri
                         * @description The URL notifications are posted to.
                         */
                        url: string;
                    } | {
                        /**
                         * @description The kind of this object: Slack.
                         * @enum {string}
                         */
                        kind: "Slack";
                        /**
                         * Format: uri
                         * @description The Slack incoming webhook URL.
                         */
                        webhook_url: string;
                    } | {
                        /**
                         * @description The kind of this object: MsTeams.
                         * @enum {string}
                         */
                        kind: "MsTeams";
                        /**
                         * Format: uri
                         * @description The Microsoft Teams incoming webhook URL.
                         */
                        webhook_url: string;
                    };
                };
            };
        };
        responses: never;
    };
    unregisterKafkaBroker: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cluster_id: string;
                broker_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: never;
    };
    updateKafkaBrokerConfigBatch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cluster_id: string;
                broker_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: {
                        name: string;
                        value?: string | null;
                        /**
                         * @description SET (the default) or DELETE (reset to the default).
                         * @enum {string|null}
                         */
                        operation?: "SET" | "DELETE" | null;
                    }[];
                    /** @description Check the changes without applying them. */
                    validate_only?: boolean;
                };
            };
        };
        responses: never;
    };
    updateKafkaClusterConfigs: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cluster_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: {
                        name: string;
                        value?: string | null;
                        /**
                         * @description SET (the default) or DELETE (reset to the default).
                         * @enum {string|null}
                         */
                        operation?: "SET" | "DELETE" | null;
                    }[];
                    /** @description Check the changes without applying them. */
                    validate_only?: boolean;
                };
            };
        };
        responses: never;
    };
    updateKafkaLinkConfigBatch: {
        parameters: {
            query?: {
                validate_only?: boolean;
            };
            header?: never;
            path: {
                cluster_id: string;
                link_name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: {
                        name: string;
                        value?: string | null;
                        /**
                         * @description SET (the default) or DELETE (reset to the default).
                         * @enum {string|null}
                         */
                        operation?: "SET" | "DELETE" | null;
                    }[];
                    /** @description Check the changes without applying them. */
                    validate_only?: boolean;
                };
            };
        };
        responses: never;
    };
    updateKafkaMirrorTopicsFailover: {
        parameters: {
            query?: {
                validate_only?: boolean;
            };
            header?: never;
            path: {
                cluster_id: string;
                link_name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    mirror_topic_names?: string[];
                    /** @description A regular expression over the mirror topics of the link, e.g. .* */
                    mirror_topic_name_pattern?: string;
                };
            };
        };
        responses: never;
    };
    updateKafkaMirrorTopicsPause: {
        parameters: {
            query?: {
                validate_only?: boolean;
            };
            header?: never;
            path: {
                cluster_id: string;
                link_name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    mirror_topic_names?: string[];
                    /** @description A regular expression over the mirror topics of the link, e.g. .* */
                    mirror_topic_name_pattern?: string;
                };
            };
        };
        responses: never;
    };
    updateKafkaMirrorTopicsPromote: {
        parameters: {
            query?: {
                validate_only?: boolean;
            };
            header?: never;
            path: {
                cluster_id: string;
                link_name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    mirror_topic_names?: string[];
                    /** @description A regular expression over the mirror topics of the link, e.g. .* */
                    mirror_topic_name_pattern?: string;
                };
            };
        };
        responses: never;
    };
    updateKafkaMirrorTopicsResume: {
        parameters: {
            query?: {
                validate_only?: boolean;
            };
            header?: never;
            path: {
                cluster_id: string;
                link_name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    mirror_topic_names?: string[];
                    /** @description A regular expression over the mirror topics of the link, e.g. .* */
                    mirror_topic_name_pattern?: string;
                };
            };
        };
        responses: never;
    };
    updateKafkaMirrorTopicsReverseAndPauseMirror: {
        parameters: {
            query?: {
                validate_only?: boolean;
            };
            header?: never;
            path: {
                cluster_id: string;
                link_name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    mirror_topic_names?: string[];
                    /** @description A regular expression over the mirror topics of the link, e.g. .* */
                    mirror_topic_name_pattern?: string;
                };
            };
        };
        responses: never;
    };
    updateKafkaMirrorTopicsReverseAndStartMirror: {
        parameters: {
            query?: {
                validate_only?: boolean;
            };
            header?: never;
            path: {
                cluster_id: string;
                link_name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    mirror_topic_names?: string[];
                    /** @description A regular expression over the mirror topics of the link, e.g. .* */
                    mirror_topic_name_pattern?: string;
                };
            };
        };
        responses: never;
    };
    updateKafkaMirrorTopicsTruncateAndRestoreMirror: {
        parameters: {
            query?: {
                validate_only?: boolean;
                include_partition_level_truncation_data?: boolean;
            };
            header?: never;
            path: {
                cluster_id: string;
                link_name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    mirror_topic_names?: string[];
                    /** @description A regular expression over the mirror topics of the link, e.g. .* */
                    mirror_topic_name_pattern?: string;
                };
            };
        };
        responses: never;
    };
    updateKafkaTopicConfigBatch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cluster_id: string;
                topic_name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: {
                        name: string;
                        value?: string | null;
                        /**
                         * @description SET (the default) or DELETE (reset to the default).
                         * @enum {string|null}
                         */
                        operation?: "SET" | "DELETE" | null;
                    }[];
                    /** @description Check the changes without applying them. */
                    validate_only?: boolean;
                };
            };
        };
        responses: never;
    };
    validateConnectv1ConnectorPlugin: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                environment_id: string;
                kafka_cluster_id: string;
                plugin_name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: string;
                };
            };
        };
        responses: never;
    };
    waitForEmulatorRequests: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    operation_id?: string;
                    method?: string;
                    status?: number;
                    organization_id?: string;
                    path_prefix?: string;
                    /** @default 1 */
                    count?: number;
                    /** @default 5000 */
                    timeout_ms?: number;
                };
            };
        };
        responses: never;
    };
}

/** The operations that need credentials: their handlers always see a caller. */
export type AuthenticatedOperationId =
  | 'activateSignup'
  | 'assignRestProxyV2Partitions'
  | 'batchCreateKafkaAcls'
  | 'commitRestProxyV2Offsets'
  | 'createBusinessMetadata'
  | 'createBusinessMetadataDefs'
  | 'createByokV1Key'
  | 'createCdxV1ProviderShare'
  | 'createCmkV2Cluster'
  | 'createConnectv1Connector'
  | 'createConnectV1CustomConnectorPlugin'
  | 'createFcpmV2ComputePool'
  | 'createIamV2ApiKey'
  | 'createIamV2IdentityPool'
  | 'createIamV2IdentityProvider'
  | 'createIamV2Invitation'
  | 'createIamV2IpFilter'
  | 'createIamV2IpGroup'
  | 'createIamV2RoleBinding'
  | 'createIamV2ServiceAccount'
  | 'createIamV2SsoGroupMapping'
  | 'createKafkaAcls'
  | 'createKafkaBrokerReplicaExclusions'
  | 'createKafkaLink'
  | 'createKafkaMirrorTopic'
  | 'createKafkaQuotasV1ClientQuota'
  | 'createKafkaTopic'
  | 'createKsqldbcmV2Cluster'
  | 'createNetworkingV1DnsForwarder'
  | 'createNetworkingV1Network'
  | 'createNetworkingV1Peering'
  | 'createNetworkingV1TransitGatewayAttachment'
  | 'createNotificationsV1Integration'
  | 'createNotificationsV1Subscription'
  | 'createOrgV2Environment'
  | 'createOrUpdateConnectv1ConnectorConfig'
  | 'createPartnerV2Entitlement'
  | 'createRestProxyV2Consumer'
  | 'createSdV1Pipeline'
  | 'createSqlv1Statement'
  | 'createSrcmV2Cluster'
  | 'createTagDefs'
  | 'createTags'
  | 'delete_imageCdxV1ProviderSharedResource'
  | 'deleteBusinessMetadata'
  | 'deleteBusinessMetadataDef'
  | 'deleteByokV1Key'
  | 'deleteCdxV1ConsumerShare'
  | 'deleteCdxV1ProviderShare'
  | 'deleteCmkV2Cluster'
  | 'deleteConnectv1Connector'
  | 'deleteConnectV1CustomConnectorPlugin'
  | 'deleteExporter'
  | 'deleteFcpmV2ComputePool'
  | 'deleteIamV2ApiKey'
  | 'deleteIamV2IdentityPool'
  | 'deleteIamV2IdentityProvider'
  | 'deleteIamV2Invitation'
  | 'deleteIamV2IpFilter'
  | 'deleteIamV2IpGroup'
  | 'deleteIamV2RoleBinding'
  | 'deleteIamV2ServiceAccount'
  | 'deleteIamV2SsoGroupMapping'
  | 'deleteIamV2User'
  | 'deleteKafkaAcls'
  | 'deleteKafkaBroker'
  | 'deleteKafkaBrokerConfig'
  | 'deleteKafkaBrokerReplicaExclusions'
  | 'deleteKafkaBrokers'
  | 'deleteKafkaClusterConfig'
  | 'deleteKafkaLink'
  | 'deleteKafkaLinkConfig'
  | 'deleteKafkaQuotasV1ClientQuota'
  | 'deleteKafkaTopic'
  | 'deleteKafkaTopicConfig'
  | 'deleteKsqldbcmV2Cluster'
  | 'deleteNetworkingV1DnsForwarder'
  | 'deleteNetworkingV1Network'
  | 'deleteNetworkingV1Peering'
  | 'deleteNetworkingV1TransitGatewayAttachment'
  | 'deleteNotificationsV1Integration'
  | 'deleteNotificationsV1Subscription'
  | 'deleteOrgV2Environment'
  | 'deleteRestProxyV2Consumer'
  | 'deleteSchemaVersion'
  | 'deleteSdV1Pipeline'
  | 'deleteSqlv1Statement'
  | 'deleteSrcmV2Cluster'
  | 'deleteSubject'
  | 'deleteSubjectConfig'
  | 'deleteSubjectMode'
  | 'deleteTag'
  | 'deleteTagDef'
  | 'deleteTopLevelConfig'
  | 'describeCells'
  | 'fetchRestProxyV2Records'
  | 'getAllBusinessMetadataDefs'
  | 'getAllTagDefs'
  | 'getBusinessMetadata'
  | 'getBusinessMetadataDefByName'
  | 'getByokV1Key'
  | 'getByUniqueAttributes'
  | 'getCdxV1ConsumerShare'
  | 'getCdxV1ConsumerSharedResource'
  | 'getCdxV1OptIn'
  | 'getCdxV1ProviderShare'
  | 'getCdxV1ProviderSharedResource'
  | 'getClusterConfig'
  | 'getCmkV2Cluster'
  | 'getConnectv1ConnectorConfig'
  | 'getConnectV1CustomConnectorPlugin'
  | 'getExporterConfigByName'
  | 'getExporterInfoByName'
  | 'getExporterStatusByName'
  | 'getFcpmV2ComputePool'
  | 'getIamV2ApiKey'
  | 'getIamV2IdentityPool'
  | 'getIamV2IdentityProvider'
  | 'getIamV2Invitation'
  | 'getIamV2IpFilter'
  | 'getIamV2IpGroup'
  | 'getIamV2RoleBinding'
  | 'getIamV2ServiceAccount'
  | 'getIamV2SsoGroupMapping'
  | 'getIamV2User'
  | 'getKafkaAcls'
  | 'getKafkaBalancerAnyUnevenLoad'
  | 'getKafkaBalancerStatus'
  | 'getKafkaBroker'
  | 'getKafkaBrokerConfig'
  | 'getKafkaBrokerReplicaExclusion'
  | 'getKafkaBrokerTask'
  | 'getKafkaCluster'
  | 'getKafkaClusterConfig'
  | 'getKafkaConsumer'
  | 'getKafkaConsumerAssignment'
  | 'getKafkaConsumerGroup'
  | 'getKafkaConsumerGroupLagSummary'
  | 'getKafkaConsumerLag'
  | 'getKafkaLink'
  | 'getKafkaLinkConfigs'
  | 'getKafkaPartition'
  | 'getKafkaQuotasV1ClientQuota'
  | 'getKafkaReassignment'
  | 'getKafkaRemoveBrokerTask'
  | 'getKafkaReplica'
  | 'getKafkaTopic'
  | 'getKafkaTopicConfig'
  | 'getKsqldbcmV2Cluster'
  | 'getLatestWithMetadata'
  | 'getMode'
  | 'getNetworkingV1DnsForwarder'
  | 'getNetworkingV1Network'
  | 'getNetworkingV1Peering'
  | 'getNetworkingV1TransitGatewayAttachment'
  | 'getNotificationsV1Integration'
  | 'getNotificationsV1NotificationType'
  | 'getNotificationsV1Subscription'
  | 'getOrgV2Environment'
  | 'getOrgV2Organization'
  | 'getPartnerV2Entitlement'
  | 'getPartnerV2Organization'
  | 'getReferencedBy'
  | 'getRestProxyV2Assignments'
  | 'getRestProxyV2CommittedOffsets'
  | 'getRestProxyV2Partition'
  | 'getRestProxyV2PartitionOffsets'
  | 'getRestProxyV2Subscription'
  | 'getRestProxyV2Topic'
  | 'getSchema'
  | 'getSchemaByVersion'
  | 'getSchemaOnly'
  | 'getSchemaOnly_1'
  | 'getSchemas'
  | 'getSchemaTypes'
  | 'getSdV1Pipeline'
  | 'getServiceQuotaV1AppliedQuota'
  | 'getServiceQuotaV1Scope'
  | 'getSqlv1Statement'
  | 'getSqlv1StatementExceptions'
  | 'getSqlv1StatementResult'
  | 'getSrcmV2Cluster'
  | 'getSrcmV2Region'
  | 'getSrcmV3Cluster'
  | 'getSubjectLevelConfig'
  | 'getSubjects'
  | 'getTagDefByName'
  | 'getTags'
  | 'getTopLevelConfig'
  | 'getTopLevelMode'
  | 'getVersions'
  | 'imageCdxV1ConsumerSharedResource'
  | 'list'
  | 'listBillingV1Costs'
  | 'listByokV1Keys'
  | 'listCdxV1ConsumerSharedResources'
  | 'listCdxV1ConsumerShares'
  | 'listCdxV1ProviderSharedResources'
  | 'listCdxV1ProviderShares'
  | 'listCmkV2Clusters'
  | 'listConnectv1ConnectorPlugins'
  | 'listConnectv1Connectors'
  | 'listConnectv1ConnectorTasks'
  | 'listConnectV1CustomConnectorPlugins'
  | 'listContexts'
  | 'listExporters'
  | 'listFcpmV2ComputePools'
  | 'listFcpmV2Regions'
  | 'listIamV2ApiKeys'
  | 'listIamV2IdentityPools'
  | 'listIamV2IdentityProviders'
  | 'listIamV2Invitations'
  | 'listIamV2IpFilters'
  | 'listIamV2IpGroups'
  | 'listIamV2RoleBindings'
  | 'listIamV2ServiceAccounts'
  | 'listIamV2SsoGroupMappings'
  | 'listIamV2Users'
  | 'listKafkaAllBrokerConfigs'
  | 'listKafkaAllBrokerTasks'
  | 'listKafkaAllBrokerTasksByType'
  | 'listKafkaAllReplicaStatuses'
  | 'listKafkaAllTopicConfigs'
  | 'listKafkaBrokerConfigs'
  | 'listKafkaBrokerReplicaExclusions'
  | 'listKafkaBrokers'
  | 'listKafkaBrokerTasks'
  | 'listKafkaClusterConfigs'
  | 'listKafkaClusters'
  | 'listKafkaConsumerAssignment'
  | 'listKafkaConsumerGroups'
  | 'listKafkaConsumerLags'
  | 'listKafkaConsumers'
  | 'listKafkaDefaultTopicConfigs'
  | 'listKafkaLinkConfigs'
  | 'listKafkaLinks'
  | 'listKafkaMirrorTopics'
  | 'listKafkaMirrorTopicsUnderLink'
  | 'listKafkaPartitionReplicaStatuses'
  | 'listKafkaPartitions'
  | 'listKafkaQuotasV1ClientQuotas'
  | 'listKafkaReassignments'
  | 'listKafkaRemoveBrokerTasks'
  | 'listKafkaReplicas'
  | 'listKafkaTopicConfigs'
  | 'listKafkaTopicReplicaStatuses'
  | 'listKafkaTopics'
  | 'listKsqldbcmV2Clusters'
  | 'listNetworkingV1DnsForwarders'
  | 'listNetworkingV1IpAddresses'
  | 'listNetworkingV1Networks'
  | 'listNetworkingV1Peerings'
  | 'listNetworkingV1TransitGatewayAttachments'
  | 'listNotificationsV1Integrations'
  | 'listNotificationsV1NotificationTypes'
  | 'listNotificationsV1Subscriptions'
  | 'listOrgV2Environments'
  | 'listOrgV2Organizations'
  | 'listPartnerV2Entitlements'
  | 'listPartnerV2Organizations'
  | 'listRestProxyV2Brokers'
  | 'listRestProxyV2Partitions'
  | 'listRestProxyV2Topics'
  | 'listSdV1Pipelines'
  | 'listServiceQuotaV1AppliedQuotas'
  | 'listServiceQuotaV1Scopes'
  | 'listSqlv1Statements'
  | 'listSrcmV2Clusters'
  | 'listSrcmV2Regions'
  | 'listSrcmV3Clusters'
  | 'listVersions'
  | 'lookUpSchemaUnderSubject'
  | 'networkCdxV1ConsumerSharedResource'
  | 'partialEntityUpdate'
  | 'pauseConnectv1Connector'
  | 'pauseExporterByName'
  | 'presigned-upload-urlConnectV1PresignedUrl'
  | 'produceRecord'
  | 'produceRestProxyV2Partition'
  | 'produceRestProxyV2Topic'
  | 'readConnectv1Connector'
  | 'readConnectv1ConnectorStatus'
  | 'readKafkaMirrorTopic'
  | 'redeemCdxV1SharedToken'
  | 'refreshIamV2JsonWebKeySet'
  | 'register'
  | 'registerExporter'
  | 'resendCdxV1ProviderShare'
  | 'resetExporterByName'
  | 'resourcesCdxV1SharedToken'
  | 'resumeConnectv1Connector'
  | 'resumeExporterByName'
  | 'searchKafkaReassignmentsByTopic'
  | 'searchKafkaReplicasByBroker'
  | 'searchUsingAttribute'
  | 'searchUsingBasic'
  | 'seekRestProxyV2Beginning'
  | 'seekRestProxyV2End'
  | 'seekRestProxyV2Positions'
  | 'signup'
  | 'subscribeRestProxyV2Consumer'
  | 'testCompatibilityBySubjectName'
  | 'testCompatibilityForSubject'
  | 'testNotificationsV1Integration'
  | 'unregisterKafkaBroker'
  | 'unsubscribeRestProxyV2Consumer'
  | 'updateBusinessMetadata'
  | 'updateBusinessMetadataDefs'
  | 'updateCdxV1OptIn'
  | 'updateCdxV1ProviderSharedResource'
  | 'updateCmkV2Cluster'
  | 'updateConnectV1CustomConnectorPlugin'
  | 'updateExporterConfigByName'
  | 'updateExporterInfo'
  | 'updateFcpmV2ComputePool'
  | 'updateIamV2ApiKey'
  | 'updateIamV2IdentityPool'
  | 'updateIamV2IdentityProvider'
  | 'updateIamV2IpFilter'
  | 'updateIamV2IpGroup'
  | 'updateIamV2ServiceAccount'
  | 'updateIamV2SsoGroupMapping'
  | 'updateIamV2User'
  | 'updateKafkaBrokerConfig'
  | 'updateKafkaBrokerConfigBatch'
  | 'updateKafkaClusterConfig'
  | 'updateKafkaClusterConfigs'
  | 'updateKafkaLinkConfig'
  | 'updateKafkaLinkConfigBatch'
  | 'updateKafkaMirrorTopicsFailover'
  | 'updateKafkaMirrorTopicsPause'
  | 'updateKafkaMirrorTopicsPromote'
  | 'updateKafkaMirrorTopicsResume'
  | 'updateKafkaMirrorTopicsReverseAndPauseMirror'
  | 'updateKafkaMirrorTopicsReverseAndStartMirror'
  | 'updateKafkaMirrorTopicsTruncateAndRestoreMirror'
  | 'updateKafkaQuotasV1ClientQuota'
  | 'updateKafkaTopicConfig'
  | 'updateKafkaTopicConfigBatch'
  | 'updateMode'
  | 'updateNetworkingV1DnsForwarder'
  | 'updateNetworkingV1Network'
  | 'updateNetworkingV1Peering'
  | 'updateNetworkingV1TransitGatewayAttachment'
  | 'updateNotificationsV1Integration'
  | 'updateNotificationsV1Subscription'
  | 'updateOrgV2Environment'
  | 'updateOrgV2Organization'
  | 'updatePartitionCountKafkaTopic'
  | 'updateSdV1Pipeline'
  | 'updateSqlv1Statement'
  | 'updateSrcmV2Cluster'
  | 'updateSubjectLevelConfig'
  | 'updateTagDefs'
  | 'updateTags'
  | 'updateTopLevelConfig'
  | 'updateTopLevelMode'
  | 'upload_imageCdxV1ProviderSharedResource'
  | 'validateConnectv1ConnectorPlugin'
  | 'view_imageCdxV1ProviderSharedResource';
