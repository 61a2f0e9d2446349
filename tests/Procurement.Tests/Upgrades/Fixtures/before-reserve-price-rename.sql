--
-- PostgreSQL database dump
--

\restrict CPhGpqpUtPqVKmVBycObyQifl6ZsI1fueQUBrHtwXTUIVCdhgx0xjTCoUMMowSJ

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: procurement; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA procurement;


--
-- Name: mt_archive_stream(uuid); Type: FUNCTION; Schema: procurement; Owner: -
--

CREATE FUNCTION procurement.mt_archive_stream(streamid uuid) RETURNS void
    LANGUAGE plpgsql
    AS $$
BEGIN
  update procurement.mt_streams set is_archived = TRUE where id = streamid ;
  update procurement.mt_events set is_archived = TRUE where stream_id = streamid ;
END;
$$;


--
-- Name: mt_grams_array(text, boolean); Type: FUNCTION; Schema: procurement; Owner: -
--

CREATE FUNCTION procurement.mt_grams_array(words text, use_unaccent boolean DEFAULT false) RETURNS text[]
    LANGUAGE plpgsql IMMUTABLE STRICT
    AS $$
        DECLARE
result text[];
        DECLARE
word text;
        DECLARE
clean_word text;
BEGIN
                FOREACH
word IN ARRAY string_to_array(words, ' ')
                LOOP
                     clean_word = regexp_replace(procurement.mt_safe_unaccent(use_unaccent, word), '[^a-zA-Z0-9]+', '','g');
FOR i IN 1 .. length(clean_word)
                     LOOP
                         result := result || quote_literal(substr(lower(clean_word), i, 1));
                         result
:= result || quote_literal(substr(lower(clean_word), i, 2));
                         result
:= result || quote_literal(substr(lower(clean_word), i, 3));
END LOOP;
END LOOP;

RETURN ARRAY(SELECT DISTINCT e FROM unnest(result) AS a(e) ORDER BY e);
END;
$$;


--
-- Name: mt_grams_query(text, boolean); Type: FUNCTION; Schema: procurement; Owner: -
--

CREATE FUNCTION procurement.mt_grams_query(text, use_unaccent boolean DEFAULT false) RETURNS tsquery
    LANGUAGE plpgsql IMMUTABLE STRICT
    AS $_$
BEGIN
RETURN (SELECT array_to_string(procurement.mt_grams_array($1, use_unaccent), ' & ') ::tsquery);
END
$_$;


--
-- Name: mt_grams_vector(text, boolean); Type: FUNCTION; Schema: procurement; Owner: -
--

CREATE FUNCTION procurement.mt_grams_vector(text, use_unaccent boolean DEFAULT false) RETURNS tsvector
    LANGUAGE plpgsql IMMUTABLE STRICT
    AS $_$
BEGIN
RETURN (SELECT array_to_string(procurement.mt_grams_array($1, use_unaccent), ' ') ::tsvector);
END
$_$;


--
-- Name: mt_immutable_date(text); Type: FUNCTION; Schema: procurement; Owner: -
--

CREATE FUNCTION procurement.mt_immutable_date(value text) RETURNS date
    LANGUAGE sql IMMUTABLE
    AS $$
select value::date

$$;


--
-- Name: mt_immutable_time(text); Type: FUNCTION; Schema: procurement; Owner: -
--

CREATE FUNCTION procurement.mt_immutable_time(value text) RETURNS time without time zone
    LANGUAGE sql IMMUTABLE
    AS $$
select value::time

$$;


--
-- Name: mt_immutable_timestamp(text); Type: FUNCTION; Schema: procurement; Owner: -
--

CREATE FUNCTION procurement.mt_immutable_timestamp(value text) RETURNS timestamp without time zone
    LANGUAGE sql IMMUTABLE
    AS $$
select value::timestamp

$$;


--
-- Name: mt_immutable_timestamptz(text); Type: FUNCTION; Schema: procurement; Owner: -
--

CREATE FUNCTION procurement.mt_immutable_timestamptz(value text) RETURNS timestamp with time zone
    LANGUAGE sql IMMUTABLE
    AS $$
select value::timestamptz

$$;


--
-- Name: mt_jsonb_append(jsonb, text[], jsonb, boolean, jsonb); Type: FUNCTION; Schema: procurement; Owner: -
--

CREATE FUNCTION procurement.mt_jsonb_append(jsonb, text[], jsonb, boolean, jsonb DEFAULT NULL::jsonb) RETURNS jsonb
    LANGUAGE plpgsql
    AS $_$
DECLARE
    retval ALIAS FOR $1;
    location ALIAS FOR $2;
    val ALIAS FOR $3;
    if_not_exists ALIAS FOR $4;
    patch_expression ALIAS FOR $5;
    tmp_value jsonb;
BEGIN
    tmp_value = retval #> location;
    IF tmp_value IS NOT NULL AND jsonb_typeof(tmp_value) = 'array' THEN
        CASE
            WHEN NOT if_not_exists THEN
                retval = jsonb_set(retval, location, tmp_value || val, FALSE);
            WHEN patch_expression IS NULL AND jsonb_typeof(val) = 'object' AND NOT tmp_value @> jsonb_build_array(val) THEN
                retval = jsonb_set(retval, location, tmp_value || val, FALSE);
            WHEN patch_expression IS NULL AND jsonb_typeof(val) <> 'object' AND NOT tmp_value @> val THEN
                retval = jsonb_set(retval, location, tmp_value || val, FALSE);
            WHEN patch_expression IS NOT NULL AND jsonb_typeof(patch_expression) = 'array' AND jsonb_array_length(patch_expression) = 0 THEN
                retval = jsonb_set(retval, location, tmp_value || val, FALSE);
            ELSE NULL;
            END CASE;
    END IF;
    RETURN retval;
END;
$_$;


--
-- Name: mt_jsonb_append_key_value(jsonb, text[], jsonb, boolean); Type: FUNCTION; Schema: procurement; Owner: -
--

CREATE FUNCTION procurement.mt_jsonb_append_key_value(jsonb, text[], jsonb, boolean) RETURNS jsonb
    LANGUAGE plpgsql
    AS $_$
DECLARE
    retval ALIAS FOR $1;
    location ALIAS FOR $2;
    val ALIAS FOR $3;
    if_not_exists ALIAS FOR $4;
    tmp_value jsonb;
    _key text;
BEGIN
    tmp_value = retval #> location;

    IF tmp_value IS NOT NULL AND jsonb_typeof(tmp_value) = 'object' THEN
        CASE
            WHEN NOT if_not_exists THEN
                retval = jsonb_set(retval, location, tmp_value || val, FALSE);
            WHEN NOT tmp_value ?| ARRAY(SELECT jsonb_object_keys(val)) THEN
                retval = jsonb_set(retval, location, tmp_value || val, FALSE);
            ELSE NULL;
        END CASE;
    END IF;
    RETURN retval;
END;
$_$;


--
-- Name: mt_jsonb_copy(jsonb, text[], text[]); Type: FUNCTION; Schema: procurement; Owner: -
--

CREATE FUNCTION procurement.mt_jsonb_copy(jsonb, text[], text[]) RETURNS jsonb
    LANGUAGE plpgsql
    AS $_$
DECLARE
    retval ALIAS FOR $1;
    src_path ALIAS FOR $2;
    dst_path ALIAS FOR $3;
    tmp_value jsonb;
BEGIN
    tmp_value = retval #> src_path;
    retval = procurement.mt_jsonb_fix_null_parent(retval, dst_path);
    RETURN jsonb_set(retval, dst_path, tmp_value::jsonb, TRUE);
END;
$_$;


--
-- Name: mt_jsonb_duplicate(jsonb, text[], jsonb); Type: FUNCTION; Schema: procurement; Owner: -
--

CREATE FUNCTION procurement.mt_jsonb_duplicate(jsonb, text[], jsonb) RETURNS jsonb
    LANGUAGE plpgsql
    AS $_$
DECLARE
    retval ALIAS FOR $1;
    location ALIAS FOR $2;
    targets ALIAS FOR $3;
    tmp_value jsonb;
    target_path text[];
    target text;
BEGIN
    FOR target IN SELECT jsonb_array_elements_text(targets)
    LOOP
        target_path = procurement.mt_jsonb_path_to_array(target, '\.');
        retval = procurement.mt_jsonb_copy(retval, location, target_path);
    END LOOP;

    RETURN retval;
END;
$_$;


--
-- Name: mt_jsonb_fix_null_parent(jsonb, text[]); Type: FUNCTION; Schema: procurement; Owner: -
--

CREATE FUNCTION procurement.mt_jsonb_fix_null_parent(jsonb, text[]) RETURNS jsonb
    LANGUAGE plpgsql
    AS $_$
DECLARE
retval ALIAS FOR $1;
    dst_path ALIAS FOR $2;
    dst_path_segment text[] = ARRAY[]::text[];
    dst_path_array_length integer;
    i integer = 1;
BEGIN
    dst_path_array_length = array_length(dst_path, 1);
    WHILE i <=(dst_path_array_length - 1)
    LOOP
        dst_path_segment = dst_path_segment || ARRAY[dst_path[i]];
        IF retval #> dst_path_segment IS NULL OR retval #> dst_path_segment = 'null'::jsonb THEN
            retval = jsonb_set(retval, dst_path_segment, '{}'::jsonb, TRUE);
        END IF;
        i = i + 1;
    END LOOP;

    RETURN retval;
END;
$_$;


--
-- Name: mt_jsonb_increment(jsonb, text[], numeric); Type: FUNCTION; Schema: procurement; Owner: -
--

CREATE FUNCTION procurement.mt_jsonb_increment(jsonb, text[], numeric) RETURNS jsonb
    LANGUAGE plpgsql
    AS $_$
DECLARE
retval ALIAS FOR $1;
    location ALIAS FOR $2;
    increment_value ALIAS FOR $3;
    tmp_value jsonb;
BEGIN
    tmp_value = retval #> location;
    IF tmp_value IS NULL THEN
        tmp_value = to_jsonb(0);
END IF;

RETURN jsonb_set(retval, location, to_jsonb(tmp_value::numeric + increment_value), TRUE);
END;
$_$;


--
-- Name: mt_jsonb_insert(jsonb, text[], jsonb, integer, boolean, jsonb); Type: FUNCTION; Schema: procurement; Owner: -
--

CREATE FUNCTION procurement.mt_jsonb_insert(jsonb, text[], jsonb, integer, boolean, jsonb DEFAULT NULL::jsonb) RETURNS jsonb
    LANGUAGE plpgsql
    AS $_$
DECLARE
    retval ALIAS FOR $1;
    location ALIAS FOR $2;
    val ALIAS FOR $3;
    elm_index ALIAS FOR $4;
    if_not_exists ALIAS FOR $5;
    patch_expression ALIAS FOR $6;
    tmp_value jsonb;
BEGIN
    tmp_value = retval #> location;
    IF tmp_value IS NOT NULL AND jsonb_typeof(tmp_value) = 'array' THEN
        IF elm_index IS NULL THEN
            elm_index = jsonb_array_length(tmp_value) + 1;
        END IF;
        CASE
            WHEN NOT if_not_exists THEN
                retval = jsonb_insert(retval, location || elm_index::text, val);
            WHEN patch_expression IS NULL AND jsonb_typeof(val) = 'object' AND NOT tmp_value @> jsonb_build_array(val) THEN
                retval = jsonb_insert(retval, location || elm_index::text, val);
            WHEN patch_expression IS NULL AND jsonb_typeof(val) <> 'object' AND NOT tmp_value @> val THEN
                retval = jsonb_insert(retval, location || elm_index::text, val);
            WHEN patch_expression IS NOT NULL AND jsonb_typeof(patch_expression) = 'array' AND jsonb_array_length(patch_expression) = 0 THEN
                retval = jsonb_insert(retval, location || elm_index::text, val);
            ELSE NULL;
        END CASE;
    END IF;
    RETURN retval;
END;
$_$;


--
-- Name: mt_jsonb_move(jsonb, text[], text); Type: FUNCTION; Schema: procurement; Owner: -
--

CREATE FUNCTION procurement.mt_jsonb_move(jsonb, text[], text) RETURNS jsonb
    LANGUAGE plpgsql
    AS $_$
DECLARE
    retval ALIAS FOR $1;
    src_path ALIAS FOR $2;
    dst_name ALIAS FOR $3;
    dst_path text[];
    tmp_value jsonb;
BEGIN
    tmp_value = retval #> src_path;
    retval = retval #- src_path;
    dst_path = src_path;
    dst_path[array_length(dst_path, 1)] = dst_name;
    retval = procurement.mt_jsonb_fix_null_parent(retval, dst_path);
    RETURN jsonb_set(retval, dst_path, tmp_value, TRUE);
END;
$_$;


--
-- Name: mt_jsonb_patch(jsonb, jsonb); Type: FUNCTION; Schema: procurement; Owner: -
--

CREATE FUNCTION procurement.mt_jsonb_patch(jsonb, jsonb) RETURNS jsonb
    LANGUAGE plpgsql
    AS $_$
DECLARE
    retval ALIAS FOR $1;
    patchset ALIAS FOR $2;
    patch jsonb;
    patch_path text[];
    patch_expression jsonb;
    value jsonb;
BEGIN
    FOR patch IN SELECT * from jsonb_array_elements(patchset)
    LOOP
        patch_path = procurement.mt_jsonb_path_to_array((patch->>'path')::text, '\.');

        patch_expression = null;
        IF (patch->>'type') IN ('remove', 'append_if_not_exists', 'insert_if_not_exists') AND (patch->>'expression') IS NOT NULL THEN
            patch_expression = jsonb_path_query_array(retval #> patch_path, (patch->>'expression')::jsonpath);
        END IF;

        CASE patch->>'type'
            WHEN 'set' THEN
                retval = jsonb_set(retval, patch_path, (patch->'value')::jsonb, TRUE);
            WHEN 'delete' THEN
                retval = retval#-patch_path;
            WHEN 'append' THEN
                retval = procurement.mt_jsonb_append(retval, patch_path, (patch->'value')::jsonb, FALSE);
            WHEN 'append_if_not_exists' THEN
                retval = procurement.mt_jsonb_append(retval, patch_path, (patch->'value')::jsonb, TRUE, patch_expression);
            WHEN 'append_key_value' THEN
                retval = procurement.mt_jsonb_append_key_value(retval, patch_path, (patch->'key_value')::jsonb, FALSE);
            WHEN 'append_key_value_if_not_exists' THEN
                retval = procurement.mt_jsonb_append_key_value(retval, patch_path, (patch->'key_value')::jsonb, TRUE);
            WHEN 'insert' THEN
                retval = procurement.mt_jsonb_insert(retval, patch_path, (patch->'value')::jsonb, (patch->>'index')::integer, FALSE);
            WHEN 'insert_if_not_exists' THEN
                retval = procurement.mt_jsonb_insert(retval, patch_path, (patch->'value')::jsonb, (patch->>'index')::integer, TRUE, patch_expression);
            WHEN 'remove' THEN
                retval = procurement.mt_jsonb_remove(retval, patch_path, COALESCE(patch_expression, (patch->'value')::jsonb));
            WHEN 'remove_key' THEN
                retval = procurement.mt_jsonb_remove_key(retval, patch_path, (patch->>'key'));
            WHEN 'duplicate' THEN
                retval = procurement.mt_jsonb_duplicate(retval, patch_path, (patch->'targets')::jsonb);
            WHEN 'rename' THEN
                retval = procurement.mt_jsonb_move(retval, patch_path, (patch->>'to')::text);
            WHEN 'increment' THEN
                retval = procurement.mt_jsonb_increment(retval, patch_path, (patch->>'increment')::numeric);
            WHEN 'increment_float' THEN
                retval = procurement.mt_jsonb_increment(retval, patch_path, (patch->>'increment')::numeric);
            ELSE NULL;
        END CASE;
    END LOOP;
    RETURN retval;
END;
$_$;


--
-- Name: mt_jsonb_path_to_array(text, character); Type: FUNCTION; Schema: procurement; Owner: -
--

CREATE FUNCTION procurement.mt_jsonb_path_to_array(text, character) RETURNS text[]
    LANGUAGE plpgsql
    AS $_$
DECLARE
    location ALIAS FOR $1;
    regex_pattern ALIAS FOR $2;
BEGIN
RETURN regexp_split_to_array(location, regex_pattern)::text[];
END;
$_$;


--
-- Name: mt_jsonb_remove(jsonb, text[], jsonb); Type: FUNCTION; Schema: procurement; Owner: -
--

CREATE FUNCTION procurement.mt_jsonb_remove(jsonb, text[], jsonb) RETURNS jsonb
    LANGUAGE plpgsql
    AS $_$
DECLARE
    retval ALIAS FOR $1;
    location ALIAS FOR $2;
    val ALIAS FOR $3;
    tmp_value jsonb;
    tmp_remove jsonb;
    patch_remove jsonb;
BEGIN
    tmp_value = retval #> location;
    IF tmp_value IS NOT NULL AND jsonb_typeof(tmp_value) = 'array' THEN
        IF jsonb_typeof(val) = 'array' THEN
            tmp_remove = val;
        ELSE
            tmp_remove = jsonb_build_array(val);
        END IF;

        FOR patch_remove IN SELECT * FROM jsonb_array_elements(tmp_remove)
        LOOP
            tmp_value =(SELECT jsonb_agg(elem)
            FROM jsonb_array_elements(tmp_value) AS elem
            WHERE elem <> patch_remove);
        END LOOP;

        IF tmp_value IS NULL THEN
            tmp_value = '[]'::jsonb;
        END IF;
    END IF;
    RETURN jsonb_set(retval, location, tmp_value, FALSE);
END;
$_$;


--
-- Name: mt_jsonb_remove_key(jsonb, text[], text); Type: FUNCTION; Schema: procurement; Owner: -
--

CREATE FUNCTION procurement.mt_jsonb_remove_key(jsonb, text[], text) RETURNS jsonb
    LANGUAGE plpgsql
    AS $_$
DECLARE
    retval ALIAS FOR $1;
    location ALIAS FOR $2;
    _key ALIAS FOR $3;
    tmp_value jsonb;
    tmp_remove jsonb;
    patch_remove jsonb;
BEGIN
    tmp_value = retval #> location;
    IF tmp_value IS NOT NULL AND jsonb_typeof(tmp_value) = 'object' THEN
        RETURN jsonb_set(retval, location, tmp_value - _key, FALSE);
    END IF;
    RETURN retval;
END;
$_$;


--
-- Name: mt_mark_event_progression(character varying, bigint); Type: FUNCTION; Schema: procurement; Owner: -
--

CREATE FUNCTION procurement.mt_mark_event_progression(name character varying, last_encountered bigint) RETURNS void
    LANGUAGE plpgsql
    AS $$
BEGIN
INSERT INTO procurement.mt_event_progression (name, last_seq_id, last_updated)
VALUES (name, last_encountered, transaction_timestamp())
ON CONFLICT ON CONSTRAINT pk_mt_event_progression
    DO
UPDATE SET last_seq_id = last_encountered, last_updated = transaction_timestamp();

END;

$$;


--
-- Name: mt_mark_progression_with_skip(character varying, bigint, bigint); Type: FUNCTION; Schema: procurement; Owner: -
--

CREATE FUNCTION procurement.mt_mark_progression_with_skip(shard_name character varying, ending_sequence bigint, starting_sequence bigint) RETURNS bigint
    LANGUAGE plpgsql
    AS $$
DECLARE
    current_value bigint;
BEGIN
    select last_seq_id into current_value from procurement.mt_event_progression where name = shard_name;

    IF current_value is null then
        -- Bootstrap the high-water row on first invocation. Previously this branch
        -- returned 0, which left HighWaterAgent.CheckNowAsync polling forever because
        -- statistics.CurrentMark never advanced. Issue #4425.
        INSERT INTO procurement.mt_event_progression (name, last_seq_id, last_updated)
        VALUES (shard_name, ending_sequence, transaction_timestamp())
        ON CONFLICT ON CONSTRAINT pk_mt_event_progression
            DO UPDATE SET last_seq_id = ending_sequence, last_updated = transaction_timestamp();
        IF ending_sequence > starting_sequence THEN
            -- Idempotent: a rebuild/replay re-marks the same skip (ending_sequence is the
            -- PK). Re-recording an existing gap is a no-op. Conflict target is the PK
            -- constraint (the bare column name collides with the function parameter). #4530.
            insert into procurement.mt_high_water_skips (ending_sequence, starting_sequence) values (ending_sequence, starting_sequence)
                on conflict on constraint pkey_mt_high_water_skips_ending_sequence do nothing;
        END IF;
        return ending_sequence;
    ELSIF current_value = starting_sequence THEN
        update procurement.mt_event_progression SET last_seq_id = ending_sequence, last_updated = transaction_timestamp() where shard_name = name;
        insert into procurement.mt_high_water_skips (ending_sequence, starting_sequence) values (ending_sequence, starting_sequence)
            on conflict on constraint pkey_mt_high_water_skips_ending_sequence do nothing;
        return ending_sequence;
    ELSE
        return current_value;
    END IF;
END
$$;


--
-- Name: mt_quick_append_events(uuid, character varying, character varying, uuid[], character varying[], character varying[], jsonb[], bytea[], character varying[], character varying[], jsonb[], timestamp with time zone[], bigint); Type: FUNCTION; Schema: procurement; Owner: -
--

CREATE FUNCTION procurement.mt_quick_append_events(stream uuid, stream_type character varying, tenantid character varying, event_ids uuid[], event_types character varying[], dotnet_types character varying[], bodies jsonb[], bdatas bytea[], causation_ids character varying[], correlation_ids character varying[], headers jsonb[], timestamps timestamp with time zone[], expected_version bigint DEFAULT NULL::bigint) RETURNS bigint[]
    LANGUAGE plpgsql
    AS $$
DECLARE
	event_version bigint;
	stream_is_archived boolean;
	event_type varchar;
	event_id uuid;
	body jsonb;
	index int;
	seq bigint;
    actual_tenant varchar;
    is_new_stream boolean := false;
	return_value bigint[];
BEGIN
    if expected_version IS NOT NULL then
        -- COALESCE turns the NULL we get for a brand-new stream into 0, so a
        -- FetchForWriting against a non-existent stream (which sets
        -- ExpectedVersionOnServer = 0) and a StartStream(id, version: 0) both
        -- land on the new-stream branch instead of mis-firing the guard.
        select version, is_archived into event_version, stream_is_archived from procurement.mt_streams where id = stream;
        if COALESCE(event_version, 0) != expected_version then
            RAISE EXCEPTION 'Stream version mismatch on ''%'': expected %, actual %', stream, expected_version, COALESCE(event_version, 0) USING ERRCODE = 'MT003';
        end if;
    else
        select version, is_archived into event_version, stream_is_archived from procurement.mt_streams where id = stream;
    end if;

	if event_version IS NULL then
		event_version = 0;
		is_new_stream := true;
		-- #5456 follow-up: insert the FINAL version straight away rather than 0 plus a
		-- trailing UPDATE of the row we just wrote in this same transaction. That UPDATE
		-- is a second heap tuple + WAL record per stream creation for no observable gain
		-- -- nothing outside this transaction can see the intermediate 0. The trailing
		-- UPDATE below is skipped for this branch via is_new_stream.
		insert into procurement.mt_streams (id, type, version, timestamp, tenant_id) values (stream, stream_type, COALESCE(array_length(event_ids, 1), 0), now(), tenantid);
    else
        if stream_is_archived then
            RAISE EXCEPTION 'Attempted to append event to archived stream with Id ''%''.', stream USING ERRCODE = 'MT001';
        end if;
        if tenantid IS NOT NULL then
            select tenant_id into actual_tenant from procurement.mt_streams where id = stream;
            if actual_tenant != tenantid then
                RAISE EXCEPTION 'The tenantid does not match the existing stream';
            end if;
        end if;
	end if;

	index := 1;
	-- #5062: array_length('{}', 1) is NULL in PostgreSQL, not 0, so a call with an
	-- empty event array used to return ARRAY[NULL] -- a bigint[] whose only element
	-- is NULL, which Npgsql cannot read into long[] ('Cannot read a non-nullable
	-- collection of elements because the returned array contains nulls'). COALESCE
	-- makes the empty case mean what it says: zero events appended, so the final
	-- version is the stream's current version.
	return_value := ARRAY[event_version + COALESCE(array_length(event_ids, 1), 0)];

	foreach event_id in ARRAY event_ids
	loop
        seq := nextval('procurement.mt_events_sequence');
		return_value := array_append(return_value, seq);

	    event_version := event_version + 1;
		event_type = event_types[index];
		body = bodies[index];

		-- #4515 / #4578 / Phase 2: bdatas[index] carries the binary payload
		-- for events opted in to binary serialization (NULL otherwise).
		-- bodies[index] is the {} JSON placeholder for those events so the
		-- existing data jsonb NOT NULL constraint stays intact.
		insert into procurement.mt_events
			(seq_id, id, stream_id, version, data, bdata, type, tenant_id, timestamp, mt_dotnet_type, is_archived, causation_id, correlation_id, headers)
		values
			(seq, event_id, stream, event_version, body, bdatas[index], event_type, tenantid, timestamps[index], dotnet_types[index], FALSE, causation_ids[index], correlation_ids[index], headers[index]);

		index := index + 1;
	end loop;

	-- A brand-new stream already carries its final version from the insert above, so the
	-- UPDATE is only needed when we appended onto a stream that already existed.
	--
	-- #5539: and only when we actually appended something. With ZERO events this was a BLIND write-back
	-- of the version read at the top of the function, and under READ COMMITTED that is a lost update: the
	-- UPDATE waits on a concurrent appender's row lock, the winner commits, the WHERE clause is
	-- re-evaluated against the new row, and `set version = <the stale value>` lands -- leaving
	-- mt_streams.version BELOW the stream's own events. Every later append then computes a version that
	-- already exists and dies on pk_mt_events_stream_and_version, forever, until the row is repaired by
	-- hand. A non-empty call cannot do this: its first INSERT collides with the winner on that same
	-- primary key and rolls the whole thing back, which is why only the empty case was exposed.
	--
	-- Two independent guards, because either alone would have been enough and the cost of both is nil:
	--   * the append count -- appending nothing has nothing to write, so the correct number of statements
	--     is zero rather than one that happens to be harmless;
	--   * greatest(), so the write-back can never LOWER a stream's version whoever calls it. An append
	--     only ever moves a version forward, so this is a no-op on every correct path and a backstop on
	--     any future caller that reads the version and then writes it back.
	if not is_new_stream and COALESCE(array_length(event_ids, 1), 0) > 0 then
		update procurement.mt_streams set version = greatest(version, event_version), timestamp = now() where id = stream;
	end if;

	return return_value;
END
$$;


--
-- Name: mt_safe_unaccent(boolean, text); Type: FUNCTION; Schema: procurement; Owner: -
--

CREATE FUNCTION procurement.mt_safe_unaccent(use_unaccent boolean, word text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE STRICT
    AS $$
BEGIN
IF use_unaccent THEN
    RETURN public.unaccent(word);
ELSE
    RETURN word;
END IF;
END;
$$;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: mt_doc_casedocumentsview; Type: TABLE; Schema: procurement; Owner: -
--

CREATE TABLE procurement.mt_doc_casedocumentsview (
    id uuid NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_dotnet_type character varying,
    mt_version bigint DEFAULT 0 NOT NULL
);


--
-- Name: mt_doc_casesummary; Type: TABLE; Schema: procurement; Owner: -
--

CREATE TABLE procurement.mt_doc_casesummary (
    id uuid NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_dotnet_type character varying,
    mt_version bigint DEFAULT 0 NOT NULL
);


--
-- Name: mt_doc_casevendors; Type: TABLE; Schema: procurement; Owner: -
--

CREATE TABLE procurement.mt_doc_casevendors (
    id uuid NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_dotnet_type character varying,
    mt_version bigint DEFAULT 0 NOT NULL
);


--
-- Name: mt_doc_caseworkflowview; Type: TABLE; Schema: procurement; Owner: -
--

CREATE TABLE procurement.mt_doc_caseworkflowview (
    id uuid NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_dotnet_type character varying,
    mt_version bigint DEFAULT 0 NOT NULL
);


--
-- Name: mt_doc_contractdossier; Type: TABLE; Schema: procurement; Owner: -
--

CREATE TABLE procurement.mt_doc_contractdossier (
    id uuid NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_dotnet_type character varying,
    mt_version bigint DEFAULT 0 NOT NULL
);


--
-- Name: mt_doc_contractversionfiles; Type: TABLE; Schema: procurement; Owner: -
--

CREATE TABLE procurement.mt_doc_contractversionfiles (
    id character varying NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_version uuid DEFAULT (md5(((random())::text || (clock_timestamp())::text)))::uuid NOT NULL,
    mt_dotnet_type character varying
);


--
-- Name: mt_doc_costshareplan; Type: TABLE; Schema: procurement; Owner: -
--

CREATE TABLE procurement.mt_doc_costshareplan (
    id uuid NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_dotnet_type character varying,
    mt_version bigint DEFAULT 0 NOT NULL
);


--
-- Name: mt_doc_currentsystemsurvey; Type: TABLE; Schema: procurement; Owner: -
--

CREATE TABLE procurement.mt_doc_currentsystemsurvey (
    id uuid NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_dotnet_type character varying,
    mt_version bigint DEFAULT 0 NOT NULL
);


--
-- Name: mt_doc_dataprotectionkey; Type: TABLE; Schema: procurement; Owner: -
--

CREATE TABLE procurement.mt_doc_dataprotectionkey (
    id character varying NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_version uuid DEFAULT (md5(((random())::text || (clock_timestamp())::text)))::uuid NOT NULL,
    mt_dotnet_type character varying
);


--
-- Name: mt_doc_deadletterevent; Type: TABLE; Schema: procurement; Owner: -
--

CREATE TABLE procurement.mt_doc_deadletterevent (
    id uuid NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_version uuid DEFAULT (md5(((random())::text || (clock_timestamp())::text)))::uuid NOT NULL,
    mt_dotnet_type character varying
);


--
-- Name: mt_doc_evaluationview; Type: TABLE; Schema: procurement; Owner: -
--

CREATE TABLE procurement.mt_doc_evaluationview (
    id uuid NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_dotnet_type character varying,
    mt_version bigint DEFAULT 0 NOT NULL
);


--
-- Name: mt_doc_fitgapview; Type: TABLE; Schema: procurement; Owner: -
--

CREATE TABLE procurement.mt_doc_fitgapview (
    id uuid NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_dotnet_type character varying,
    mt_version bigint DEFAULT 0 NOT NULL
);


--
-- Name: mt_doc_groupview; Type: TABLE; Schema: procurement; Owner: -
--

CREATE TABLE procurement.mt_doc_groupview (
    id uuid NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_dotnet_type character varying,
    mt_version bigint DEFAULT 0 NOT NULL
);


--
-- Name: mt_doc_renewalview; Type: TABLE; Schema: procurement; Owner: -
--

CREATE TABLE procurement.mt_doc_renewalview (
    id uuid NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_dotnet_type character varying,
    mt_version bigint DEFAULT 0 NOT NULL
);


--
-- Name: mt_doc_scoresheetview; Type: TABLE; Schema: procurement; Owner: -
--

CREATE TABLE procurement.mt_doc_scoresheetview (
    id uuid NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_dotnet_type character varying,
    mt_version bigint DEFAULT 0 NOT NULL
);


--
-- Name: mt_doc_slaoperationview; Type: TABLE; Schema: procurement; Owner: -
--

CREATE TABLE procurement.mt_doc_slaoperationview (
    id uuid NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_dotnet_type character varying,
    mt_version bigint DEFAULT 0 NOT NULL
);


--
-- Name: mt_doc_slareportfile; Type: TABLE; Schema: procurement; Owner: -
--

CREATE TABLE procurement.mt_doc_slareportfile (
    id uuid NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_version uuid DEFAULT (md5(((random())::text || (clock_timestamp())::text)))::uuid NOT NULL,
    mt_dotnet_type character varying
);


--
-- Name: mt_doc_storedfile; Type: TABLE; Schema: procurement; Owner: -
--

CREATE TABLE procurement.mt_doc_storedfile (
    id uuid NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_version uuid DEFAULT (md5(((random())::text || (clock_timestamp())::text)))::uuid NOT NULL,
    mt_dotnet_type character varying
);


--
-- Name: mt_doc_storedpdf; Type: TABLE; Schema: procurement; Owner: -
--

CREATE TABLE procurement.mt_doc_storedpdf (
    id uuid NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_version uuid DEFAULT (md5(((random())::text || (clock_timestamp())::text)))::uuid NOT NULL,
    mt_dotnet_type character varying
);


--
-- Name: mt_doc_taskcount; Type: TABLE; Schema: procurement; Owner: -
--

CREATE TABLE procurement.mt_doc_taskcount (
    id character varying NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_version uuid DEFAULT (md5(((random())::text || (clock_timestamp())::text)))::uuid NOT NULL,
    mt_dotnet_type character varying
);


--
-- Name: mt_doc_useraccount; Type: TABLE; Schema: procurement; Owner: -
--

CREATE TABLE procurement.mt_doc_useraccount (
    id uuid NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_version uuid DEFAULT (md5(((random())::text || (clock_timestamp())::text)))::uuid NOT NULL,
    mt_dotnet_type character varying
);


--
-- Name: mt_doc_vendordirectoryentry; Type: TABLE; Schema: procurement; Owner: -
--

CREATE TABLE procurement.mt_doc_vendordirectoryentry (
    id uuid NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_dotnet_type character varying,
    mt_version bigint DEFAULT 0 NOT NULL
);


--
-- Name: mt_doc_wizarddraft; Type: TABLE; Schema: procurement; Owner: -
--

CREATE TABLE procurement.mt_doc_wizarddraft (
    id character varying NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_version uuid DEFAULT (md5(((random())::text || (clock_timestamp())::text)))::uuid NOT NULL,
    mt_dotnet_type character varying
);


--
-- Name: mt_event_progression; Type: TABLE; Schema: procurement; Owner: -
--

CREATE TABLE procurement.mt_event_progression (
    name character varying NOT NULL,
    last_seq_id bigint,
    last_updated timestamp with time zone DEFAULT transaction_timestamp(),
    mode character varying DEFAULT 'none'::character varying,
    rebuild_threshold integer DEFAULT 0,
    assigned_node integer DEFAULT 0,
    heartbeat timestamp with time zone,
    agent_status character varying(20),
    pause_reason text,
    running_on_node integer,
    warning_behind_threshold bigint,
    critical_behind_threshold bigint,
    failure_category character varying(50),
    failure_event_sequence bigint,
    failure_event_type character varying(500),
    failure_event_tenant_id character varying(500)
);


--
-- Name: mt_event_projection_floors; Type: TABLE; Schema: procurement; Owner: -
--

CREATE TABLE procurement.mt_event_projection_floors (
    name character varying NOT NULL,
    tenant_id character varying NOT NULL,
    floor bigint NOT NULL,
    last_updated timestamp with time zone DEFAULT transaction_timestamp()
);


--
-- Name: mt_events; Type: TABLE; Schema: procurement; Owner: -
--

CREATE TABLE procurement.mt_events (
    seq_id bigint NOT NULL,
    id uuid NOT NULL,
    stream_id uuid,
    version bigint NOT NULL,
    data jsonb NOT NULL,
    bdata bytea,
    type character varying(500) NOT NULL,
    "timestamp" timestamp with time zone DEFAULT '2026-12-03 15:09:05.004194+00'::timestamp with time zone NOT NULL,
    tenant_id character varying DEFAULT '*DEFAULT*'::character varying,
    mt_dotnet_type character varying,
    correlation_id character varying,
    causation_id character varying,
    headers jsonb,
    is_archived boolean DEFAULT false
);


--
-- Name: mt_events_sequence; Type: SEQUENCE; Schema: procurement; Owner: -
--

CREATE SEQUENCE procurement.mt_events_sequence
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: mt_events_sequence; Type: SEQUENCE OWNED BY; Schema: procurement; Owner: -
--

ALTER SEQUENCE procurement.mt_events_sequence OWNED BY procurement.mt_events.seq_id;


--
-- Name: mt_high_water_skips; Type: TABLE; Schema: procurement; Owner: -
--

CREATE TABLE procurement.mt_high_water_skips (
    ending_sequence bigint NOT NULL,
    starting_sequence bigint NOT NULL,
    "timestamp" timestamp with time zone DEFAULT transaction_timestamp()
);


--
-- Name: mt_streams; Type: TABLE; Schema: procurement; Owner: -
--

CREATE TABLE procurement.mt_streams (
    id uuid NOT NULL,
    type character varying,
    version bigint,
    "timestamp" timestamp with time zone DEFAULT now() NOT NULL,
    created timestamp with time zone DEFAULT now() NOT NULL,
    tenant_id character varying DEFAULT '*DEFAULT*'::character varying,
    compacted_version bigint DEFAULT 0 NOT NULL,
    is_archived boolean DEFAULT false
);


--
-- Name: vendor_files; Type: TABLE; Schema: procurement; Owner: -
--

CREATE TABLE procurement.vendor_files (
    id uuid NOT NULL,
    content bytea NOT NULL
);


--
-- Data for Name: mt_doc_casedocumentsview; Type: TABLE DATA; Schema: procurement; Owner: -
--

COPY procurement.mt_doc_casedocumentsview (id, data, mt_last_modified, mt_dotnet_type, mt_version) FROM stdin;
\.


--
-- Data for Name: mt_doc_casesummary; Type: TABLE DATA; Schema: procurement; Owner: -
--

COPY procurement.mt_doc_casesummary (id, data, mt_last_modified, mt_dotnet_type, mt_version) FROM stdin;
6a0f3c1e-2b59-4c35-9a7e-000000000101	{"Id": "6a0f3c1e-2b59-4c35-9a7e-000000000101", "Title": "住民情報系システム共同利用（自治体クラウド）調達", "GroupId": "6a0f3c1e-2b59-4c35-9a7e-000000000001", "Version": 1, "OpenedAt": "2026-11-26T01:00:00+00:00", "OpenedBy": "システム", "CloudForm": "SaaS", "Procedure": "PublicProposal", "BudgetCeiling": 480000000, "LastChangedAt": "2026-11-26T01:00:00+00:00", "PlannedGoLive": "2028-04-01", "TargetBusinesses": ["jukiki", "koseki", "kojin-jumin", "kokuho", "kaigo", "jidoteate"]}	2026-12-03 15:09:09.559428+00	Procurement.Features.Cases.CaseSummary	1
\.


--
-- Data for Name: mt_doc_casevendors; Type: TABLE DATA; Schema: procurement; Owner: -
--

COPY procurement.mt_doc_casevendors (id, data, mt_last_modified, mt_dotnet_type, mt_version) FROM stdin;
6a0f3c1e-2b59-4c35-9a7e-000000000101	{"Id": "6a0f3c1e-2b59-4c35-9a7e-000000000101", "Period": {"AnnouncedOn": "2026-09-27", "ProposalDeadline": "2026-11-16T17:00:00+09:00"}, "Vendors": [{"Rfi": null, "Email": "sales@kou-system.example.jp", "Address": "長野県長野市大字南長野1000番地", "RfiSent": true, "Estimate": {"Total": 438000000, "InitialCost": 72000000, "ResponseDate": "2026-08-28", "ContractMonths": 60, "MonthlyOperatingCost": 6100000, "OperatingCostForTerm": 366000000}, "TookPart": true, "VendorId": "6a0f3c1e-2b59-4c35-9a7e-00000000a001", "CompanyName": "甲システム株式会社", "ContactPerson": "営業部 伊那 一郎", "CorporateNumber": "8000012050001"}, {"Rfi": null, "Email": "koukyou@otsu-joho.example.jp", "Address": "長野県松本市中央一丁目2番3号", "RfiSent": true, "Estimate": {"Total": 464000000, "InitialCost": 80000000, "ResponseDate": "2026-08-28", "ContractMonths": 60, "MonthlyOperatingCost": 6400000, "OperatingCostForTerm": 384000000}, "TookPart": true, "VendorId": "6a0f3c1e-2b59-4c35-9a7e-00000000a002", "CompanyName": "乙情報サービス株式会社", "ContactPerson": "公共営業課 安曇 花子", "CorporateNumber": "7000012050002"}, {"Rfi": null, "Email": "jichitai@hei-tech.example.jp", "Address": "長野県飯田市追手町1-1", "RfiSent": true, "Estimate": {"Total": 412000000, "InitialCost": 64000000, "ResponseDate": "2026-08-28", "ContractMonths": 60, "MonthlyOperatingCost": 5800000, "OperatingCostForTerm": 348000000}, "TookPart": true, "VendorId": "6a0f3c1e-2b59-4c35-9a7e-00000000a003", "CompanyName": "丙テクノロジー株式会社", "ContactPerson": "自治体ソリューション部 天竜 次郎", "CorporateNumber": "6000012050003"}], "Version": 0, "Proposals": [{"Late": false, "Files": [{"Kind": "Pdf", "Size": 611, "FileId": "810bba1e-2558-4367-acbc-840aa71e1220", "Sha256": "d76dccf0c0eebe70aa5268831c743c51b84686091c75403c430ea26a0225506f", "FileName": "技術提案書_甲システム株式会社.pdf", "PriceEnvelope": false}], "Excluded": false, "VendorId": "6a0f3c1e-2b59-4c35-9a7e-00000000a001", "LateReason": null, "ProposalId": "b0553c35-c826-4b74-b027-41b8c258066e", "Superseded": false, "CompanyName": "甲システム株式会社", "SubmittedAt": "2026-11-14T17:00:00+09:00", "ReconfirmedOn": null, "NeedsReconfirmation": false}, {"Late": false, "Files": [{"Kind": "Pdf", "Size": 611, "FileId": "f7892f63-a5e0-433c-9c51-82e277934ba9", "Sha256": "3573b5d86565d755fc7b60454bd162d7cad18945f1e29ef332ed1ed4b533d113", "FileName": "技術提案書_乙情報サービス株式会社.pdf", "PriceEnvelope": false}], "Excluded": false, "VendorId": "6a0f3c1e-2b59-4c35-9a7e-00000000a002", "LateReason": null, "ProposalId": "8d2c574a-95b0-4b63-b491-3d8137eb2f48", "Superseded": false, "CompanyName": "乙情報サービス株式会社", "SubmittedAt": "2026-11-14T17:00:00+09:00", "ReconfirmedOn": null, "NeedsReconfirmation": false}, {"Late": false, "Files": [{"Kind": "Pdf", "Size": 611, "FileId": "1fa54b11-5fb8-48c2-a1d7-0d523443e69c", "Sha256": "b0fb12c6f6fcf11062b88bf4fa46fa948adb3565ce0e8a241337ede2723bfafd", "FileName": "技術提案書_丙テクノロジー株式会社.pdf", "PriceEnvelope": false}], "Excluded": false, "VendorId": "6a0f3c1e-2b59-4c35-9a7e-00000000a003", "LateReason": null, "ProposalId": "1b81460b-7052-4076-ac88-dd230bdbfd0b", "Superseded": false, "CompanyName": "丙テクノロジー株式会社", "SubmittedAt": "2026-11-14T17:00:00+09:00", "ReconfirmedOn": null, "NeedsReconfirmation": false}], "Questions": [], "PlannedPrice": {"Basis": "MedianEstimate", "Amount": 452000000, "Reason": "RFQ見積3者の中央値", "RecordedAt": "2026-11-26T03:00:00+00:00", "RecordedBy": "調達担当"}, "RfiQuestions": [], "CurrentProposals": [{"Late": false, "Files": [{"Kind": "Pdf", "Size": 611, "FileId": "810bba1e-2558-4367-acbc-840aa71e1220", "Sha256": "d76dccf0c0eebe70aa5268831c743c51b84686091c75403c430ea26a0225506f", "FileName": "技術提案書_甲システム株式会社.pdf", "PriceEnvelope": false}], "Excluded": false, "VendorId": "6a0f3c1e-2b59-4c35-9a7e-00000000a001", "LateReason": null, "ProposalId": "b0553c35-c826-4b74-b027-41b8c258066e", "Superseded": false, "CompanyName": "甲システム株式会社", "SubmittedAt": "2026-11-14T17:00:00+09:00", "ReconfirmedOn": null, "NeedsReconfirmation": false}, {"Late": false, "Files": [{"Kind": "Pdf", "Size": 611, "FileId": "f7892f63-a5e0-433c-9c51-82e277934ba9", "Sha256": "3573b5d86565d755fc7b60454bd162d7cad18945f1e29ef332ed1ed4b533d113", "FileName": "技術提案書_乙情報サービス株式会社.pdf", "PriceEnvelope": false}], "Excluded": false, "VendorId": "6a0f3c1e-2b59-4c35-9a7e-00000000a002", "LateReason": null, "ProposalId": "8d2c574a-95b0-4b63-b491-3d8137eb2f48", "Superseded": false, "CompanyName": "乙情報サービス株式会社", "SubmittedAt": "2026-11-14T17:00:00+09:00", "ReconfirmedOn": null, "NeedsReconfirmation": false}, {"Late": false, "Files": [{"Kind": "Pdf", "Size": 611, "FileId": "1fa54b11-5fb8-48c2-a1d7-0d523443e69c", "Sha256": "b0fb12c6f6fcf11062b88bf4fa46fa948adb3565ce0e8a241337ede2723bfafd", "FileName": "技術提案書_丙テクノロジー株式会社.pdf", "PriceEnvelope": false}], "Excluded": false, "VendorId": "6a0f3c1e-2b59-4c35-9a7e-00000000a003", "LateReason": null, "ProposalId": "1b81460b-7052-4076-ac88-dd230bdbfd0b", "Superseded": false, "CompanyName": "丙テクノロジー株式会社", "SubmittedAt": "2026-11-14T17:00:00+09:00", "ReconfirmedOn": null, "NeedsReconfirmation": false}]}	2026-12-03 15:09:17.895447+00	Procurement.Features.Vendors.CaseVendors	15
\.


--
-- Data for Name: mt_doc_caseworkflowview; Type: TABLE DATA; Schema: procurement; Owner: -
--

COPY procurement.mt_doc_caseworkflowview (id, data, mt_last_modified, mt_dotnet_type, mt_version) FROM stdin;
\.


--
-- Data for Name: mt_doc_contractdossier; Type: TABLE DATA; Schema: procurement; Owner: -
--

COPY procurement.mt_doc_contractdossier (id, data, mt_last_modified, mt_dotnet_type, mt_version) FROM stdin;
\.


--
-- Data for Name: mt_doc_contractversionfiles; Type: TABLE DATA; Schema: procurement; Owner: -
--

COPY procurement.mt_doc_contractversionfiles (id, data, mt_last_modified, mt_version, mt_dotnet_type) FROM stdin;
\.


--
-- Data for Name: mt_doc_costshareplan; Type: TABLE DATA; Schema: procurement; Owner: -
--

COPY procurement.mt_doc_costshareplan (id, data, mt_last_modified, mt_dotnet_type, mt_version) FROM stdin;
\.


--
-- Data for Name: mt_doc_currentsystemsurvey; Type: TABLE DATA; Schema: procurement; Owner: -
--

COPY procurement.mt_doc_currentsystemsurvey (id, data, mt_last_modified, mt_dotnet_type, mt_version) FROM stdin;
\.


--
-- Data for Name: mt_doc_deadletterevent; Type: TABLE DATA; Schema: procurement; Owner: -
--

COPY procurement.mt_doc_deadletterevent (id, data, mt_last_modified, mt_version, mt_dotnet_type) FROM stdin;
\.


--
-- Data for Name: mt_doc_evaluationview; Type: TABLE DATA; Schema: procurement; Owner: -
--

COPY procurement.mt_doc_evaluationview (id, data, mt_last_modified, mt_dotnet_type, mt_version) FROM stdin;
697c3e50-ccf7-52eb-a97f-cc5dd48eaa11	{"Id": "697c3e50-ccf7-52eb-a97f-cc5dd48eaa11", "Bids": {"6a0f3c1e-2b59-4c35-9a7e-00000000a001": 432000000, "6a0f3c1e-2b59-4c35-9a7e-00000000a002": 456000000, "6a0f3c1e-2b59-4c35-9a7e-00000000a003": 410000000}, "Lots": [], "CaseId": "6a0f3c1e-2b59-4c35-9a7e-000000000101", "ChairId": "6f1849d2-576b-4fd0-bbab-2ba3880da634", "Members": [{"Name": "豊丘 一郎", "MemberId": "ad01d53f-eb09-4a23-acd7-974e8d6e272f", "Position": "豊丘村 総務課長", "AppointedAt": "2026-11-26T01:00:00+00:00"}, {"Name": "喬木 由美", "MemberId": "fe0a4303-cd79-419e-9c45-0e6ea4ae11c0", "Position": "喬木村 企画財政課長", "AppointedAt": "2026-11-26T01:00:00+00:00"}, {"Name": "南 信夫（委員長）", "MemberId": "6f1849d2-576b-4fd0-bbab-2ba3880da634", "Position": "高森町 副町長", "AppointedAt": "2026-11-26T01:00:00+00:00"}], "Vendors": [{"Name": "甲システム株式会社", "VendorId": "6a0f3c1e-2b59-4c35-9a7e-00000000a001"}, {"Name": "乙情報サービス株式会社", "VendorId": "6a0f3c1e-2b59-4c35-9a7e-00000000a002"}, {"Name": "丙テクノロジー株式会社", "VendorId": "6a0f3c1e-2b59-4c35-9a7e-00000000a003"}], "Version": 12, "Criteria": [{"Id": "0", "Name": "必須要件", "Items": [{"Id": "0-1", "Name": "LGWAN-ASPとして提供できること", "Scale": "PassFail", "Anchors": null, "Required": true, "MaxPoints": 0}, {"Id": "0-2", "Name": "契約終了時に標準レイアウトでデータを提供できること", "Scale": "PassFail", "Anchors": null, "Required": true, "MaxPoints": 0}]}, {"Id": "1", "Name": "提案内容", "Items": [{"Id": "1-1", "Name": "業務機能の網羅性", "Scale": "FiveLevel", "Anchors": null, "Required": false, "MaxPoints": 20}, {"Id": "1-2", "Name": "操作性・画面の見やすさ", "Scale": "FiveLevel", "Anchors": null, "Required": false, "MaxPoints": 10}, {"Id": "1-3", "Name": "法制度改正への対応", "Scale": "FiveLevel", "Anchors": null, "Required": false, "MaxPoints": 10}, {"Id": "1-4", "Name": "データ移行の方法と体制", "Scale": "FiveLevel", "Anchors": null, "Required": false, "MaxPoints": 10}]}, {"Id": "2", "Name": "機能適合", "Items": [{"Id": "2-1", "Name": "住民票の写し等の交付", "Scale": "FitGap", "Anchors": null, "Required": false, "MaxPoints": 5}, {"Id": "2-2", "Name": "転入・転出の処理", "Scale": "FitGap", "Anchors": null, "Required": false, "MaxPoints": 5}, {"Id": "2-3", "Name": "帳票の出力", "Scale": "FitGap", "Anchors": null, "Required": false, "MaxPoints": 5}, {"Id": "2-4", "Name": "外字の取扱い", "Scale": "FitGap", "Anchors": null, "Required": false, "MaxPoints": 5}]}, {"Id": "3", "Name": "運用・保守", "Items": [{"Id": "3-1", "Name": "障害時の対応体制", "Scale": "Number", "Anchors": null, "Required": false, "MaxPoints": 15}, {"Id": "3-2", "Name": "サービスレベルの水準", "Scale": "Number", "Anchors": null, "Required": false, "MaxPoints": 15}]}], "Declines": [], "Settings": {"Floor": null, "Rounding": {"Item": {"Mode": "None", "Decimals": 0}, "Average": {"Mode": "Truncate", "Decimals": 3}, "MemberTotal": {"Mode": "None", "Decimals": 0}, "PricePoints": {"Mode": "Truncate", "Decimals": 2}}, "Aggregation": "Average", "PriceMethod": "Additive", "PriceWeight": 1, "PassLineRatio": 0.6, "PriceAllocation": null, "RoundingOrExact": {"Item": {"Mode": "None", "Decimals": 0}, "Average": {"Mode": "Truncate", "Decimals": 3}, "MemberTotal": {"Mode": "None", "Decimals": 0}, "PricePoints": {"Mode": "Truncate", "Decimals": 2}}, "TechnicalWeight": 2, "DivisionMultiplier": 1}, "Consensus": [], "Declarations": [], "ReservePrice": 480000000, "CriteriaFrozen": true, "Demonstrations": [], "ScoredCriteria": [{"Id": "0", "Name": "必須要件", "Items": [{"Id": "0-1", "Name": "LGWAN-ASPとして提供できること", "Scale": "PassFail", "Anchors": null, "Required": true, "MaxPoints": 0}, {"Id": "0-2", "Name": "契約終了時に標準レイアウトでデータを提供できること", "Scale": "PassFail", "Anchors": null, "Required": true, "MaxPoints": 0}]}, {"Id": "1", "Name": "提案内容", "Items": [{"Id": "1-1", "Name": "業務機能の網羅性", "Scale": "FiveLevel", "Anchors": null, "Required": false, "MaxPoints": 20}, {"Id": "1-2", "Name": "操作性・画面の見やすさ", "Scale": "FiveLevel", "Anchors": null, "Required": false, "MaxPoints": 10}, {"Id": "1-3", "Name": "法制度改正への対応", "Scale": "FiveLevel", "Anchors": null, "Required": false, "MaxPoints": 10}, {"Id": "1-4", "Name": "データ移行の方法と体制", "Scale": "FiveLevel", "Anchors": null, "Required": false, "MaxPoints": 10}]}, {"Id": "2", "Name": "機能適合", "Items": [{"Id": "2-1", "Name": "住民票の写し等の交付", "Scale": "FitGap", "Anchors": null, "Required": false, "MaxPoints": 5}, {"Id": "2-2", "Name": "転入・転出の処理", "Scale": "FitGap", "Anchors": null, "Required": false, "MaxPoints": 5}, {"Id": "2-3", "Name": "帳票の出力", "Scale": "FitGap", "Anchors": null, "Required": false, "MaxPoints": 5}, {"Id": "2-4", "Name": "外字の取扱い", "Scale": "FitGap", "Anchors": null, "Required": false, "MaxPoints": 5}]}, {"Id": "3", "Name": "運用・保守", "Items": [{"Id": "3-1", "Name": "障害時の対応体制", "Scale": "Number", "Anchors": null, "Required": false, "MaxPoints": 15}, {"Id": "3-2", "Name": "サービスレベルの水準", "Scale": "Number", "Anchors": null, "Required": false, "MaxPoints": 15}]}], "CriteriaChanges": [], "TechnicalClosed": false, "CriteriaRevision": 1, "ProposalsOpenedAt": "2026-11-26T01:00:00+00:00", "ReservePriceBasis": "RFQ見積（3者）の比較に基づく", "TechnicalClosedAt": null, "ResultsFinalisedAt": null, "ResultsFinalisedBy": null, "PartialFitDecisions": [], "DemonstrationScenario": [], "PendingReconfirmation": []}	2026-12-03 15:09:17.38945+00	Procurement.Features.Evaluation.EvaluationView	12
\.


--
-- Data for Name: mt_doc_fitgapview; Type: TABLE DATA; Schema: procurement; Owner: -
--

COPY procurement.mt_doc_fitgapview (id, data, mt_last_modified, mt_dotnet_type, mt_version) FROM stdin;
\.


--
-- Data for Name: mt_doc_groupview; Type: TABLE DATA; Schema: procurement; Owner: -
--

COPY procurement.mt_doc_groupview (id, data, mt_last_modified, mt_dotnet_type, mt_version) FROM stdin;
6a0f3c1e-2b59-4c35-9a7e-000000000001	{"Id": "6a0f3c1e-2b59-4c35-9a7e-000000000001", "Form": "Council", "Name": "南信州町村自治体クラウド協議会", "Members": [{"Name": "高森町", "Population": 12716, "PopulationDate": "2025-09-30"}, {"Name": "松川町", "Population": 12476, "PopulationDate": "2025-09-30"}, {"Name": "豊丘村", "Population": 6338, "PopulationDate": "2025-09-30"}, {"Name": "喬木村", "Population": 5936, "PopulationDate": "2025-09-30"}], "UserIds": ["14465398-0ed3-4cc1-8964-00317332625e", "47a570f9-3e9b-46bd-bca5-ece792b24d2d", "ad01d53f-eb09-4a23-acd7-974e8d6e272f", "fe0a4303-cd79-419e-9c45-0e6ea4ae11c0", "6f1849d2-576b-4fd0-bbab-2ba3880da634", "1afd7155-7268-4079-aea8-dc6a59cc7fe2"], "Version": 7, "CreatedAt": "2026-11-26T01:00:00+00:00", "DateStyle": "WarekiOnly", "Representative": "高森町", "TotalPopulation": 37466}	2026-12-03 15:09:09.559428+00	Procurement.Features.Groups.GroupView	7
\.


--
-- Data for Name: mt_doc_renewalview; Type: TABLE DATA; Schema: procurement; Owner: -
--

COPY procurement.mt_doc_renewalview (id, data, mt_last_modified, mt_dotnet_type, mt_version) FROM stdin;
\.


--
-- Data for Name: mt_doc_scoresheetview; Type: TABLE DATA; Schema: procurement; Owner: -
--

COPY procurement.mt_doc_scoresheetview (id, data, mt_last_modified, mt_dotnet_type, mt_version) FROM stdin;
\.


--
-- Data for Name: mt_doc_slaoperationview; Type: TABLE DATA; Schema: procurement; Owner: -
--

COPY procurement.mt_doc_slaoperationview (id, data, mt_last_modified, mt_dotnet_type, mt_version) FROM stdin;
\.


--
-- Data for Name: mt_doc_slareportfile; Type: TABLE DATA; Schema: procurement; Owner: -
--

COPY procurement.mt_doc_slareportfile (id, data, mt_last_modified, mt_version, mt_dotnet_type) FROM stdin;
\.


--
-- Data for Name: mt_doc_storedfile; Type: TABLE DATA; Schema: procurement; Owner: -
--

COPY procurement.mt_doc_storedfile (id, data, mt_last_modified, mt_version, mt_dotnet_type) FROM stdin;
\.


--
-- Data for Name: mt_doc_storedpdf; Type: TABLE DATA; Schema: procurement; Owner: -
--

COPY procurement.mt_doc_storedpdf (id, data, mt_last_modified, mt_version, mt_dotnet_type) FROM stdin;
\.


--
-- Data for Name: mt_doc_taskcount; Type: TABLE DATA; Schema: procurement; Owner: -
--

COPY procurement.mt_doc_taskcount (id, data, mt_last_modified, mt_version, mt_dotnet_type) FROM stdin;
6a0f3c1e2b594c359a7e000000000101:144653980ed34cc1896400317332625e	{"At": "2026-11-26T01:00:00+00:00", "Id": "6a0f3c1e2b594c359a7e000000000101:144653980ed34cc1896400317332625e", "Count": 0, "CaseId": "6a0f3c1e-2b59-4c35-9a7e-000000000101", "UserId": "14465398-0ed3-4cc1-8964-00317332625e"}	2026-12-03 15:09:17.968404+00	01a23c73-e50c-41e0-b4bc-af2df01668af	Procurement.Features.Workflows.Tasks.TaskCount
6a0f3c1e2b594c359a7e000000000101:47a570f93e9b46bdbca5ece792b24d2d	{"At": "2026-11-26T01:00:00+00:00", "Id": "6a0f3c1e2b594c359a7e000000000101:47a570f93e9b46bdbca5ece792b24d2d", "Count": 0, "CaseId": "6a0f3c1e-2b59-4c35-9a7e-000000000101", "UserId": "47a570f9-3e9b-46bd-bca5-ece792b24d2d"}	2026-12-03 15:09:17.968404+00	01a23c73-e50c-4961-b091-88159e551816	Procurement.Features.Workflows.Tasks.TaskCount
6a0f3c1e2b594c359a7e000000000101:ad01d53feb094a23acd7974e8d6e272f	{"At": "2026-11-26T01:00:00+00:00", "Id": "6a0f3c1e2b594c359a7e000000000101:ad01d53feb094a23acd7974e8d6e272f", "Count": 1, "CaseId": "6a0f3c1e-2b59-4c35-9a7e-000000000101", "UserId": "ad01d53f-eb09-4a23-acd7-974e8d6e272f"}	2026-12-03 15:09:17.968404+00	01a23c73-e50c-4250-a58f-de3456b7f37a	Procurement.Features.Workflows.Tasks.TaskCount
6a0f3c1e2b594c359a7e000000000101:fe0a4303cd79419e9c450e6ea4ae11c0	{"At": "2026-11-26T01:00:00+00:00", "Id": "6a0f3c1e2b594c359a7e000000000101:fe0a4303cd79419e9c450e6ea4ae11c0", "Count": 1, "CaseId": "6a0f3c1e-2b59-4c35-9a7e-000000000101", "UserId": "fe0a4303-cd79-419e-9c45-0e6ea4ae11c0"}	2026-12-03 15:09:17.968404+00	01a23c73-e50c-4065-b58d-54b8e34282f1	Procurement.Features.Workflows.Tasks.TaskCount
6a0f3c1e2b594c359a7e000000000101:6f1849d2576b4fd0bbab2ba3880da634	{"At": "2026-11-26T01:00:00+00:00", "Id": "6a0f3c1e2b594c359a7e000000000101:6f1849d2576b4fd0bbab2ba3880da634", "Count": 1, "CaseId": "6a0f3c1e-2b59-4c35-9a7e-000000000101", "UserId": "6f1849d2-576b-4fd0-bbab-2ba3880da634"}	2026-12-03 15:09:17.968404+00	01a23c73-e50d-4a1f-9746-9a024956d07a	Procurement.Features.Workflows.Tasks.TaskCount
6a0f3c1e2b594c359a7e000000000101:1afd715572684079aea8dc6a59cc7fe2	{"At": "2026-11-26T01:00:00+00:00", "Id": "6a0f3c1e2b594c359a7e000000000101:1afd715572684079aea8dc6a59cc7fe2", "Count": 0, "CaseId": "6a0f3c1e-2b59-4c35-9a7e-000000000101", "UserId": "1afd7155-7268-4079-aea8-dc6a59cc7fe2"}	2026-12-03 15:09:17.968404+00	01a23c73-e50d-4085-847d-04934ca00aef	Procurement.Features.Workflows.Tasks.TaskCount
\.


--
-- Data for Name: mt_doc_useraccount; Type: TABLE DATA; Schema: procurement; Owner: -
--

COPY procurement.mt_doc_useraccount (id, data, mt_last_modified, mt_version, mt_dotnet_type) FROM stdin;
f0bb2862-776e-424f-82a7-cc777064c40c	{"Id": "f0bb2862-776e-424f-82a7-cc777064c40c", "Email": null, "Roles": ["Admin"], "IsActive": true, "UserName": "admin", "CreatedAt": "2026-11-26T01:00:00+00:00", "DisplayName": "管理 太郎", "PasswordHash": "AQAAAAIAAYagAAAAEDDoBOt8Szv+AG/r6V0FprVaMriNRKZexJejAcIS3hyqDinbmFwZnOk41WSBl4tHOQ==", "SecurityStamp": "", "NormalizedUserName": "ADMIN"}	2026-12-03 15:09:09.559428+00	01a23c73-c242-4aad-b1ce-0bb9190b399f	Procurement.Features.Users.UserAccount
14465398-0ed3-4cc1-8964-00317332625e	{"Id": "14465398-0ed3-4cc1-8964-00317332625e", "Email": null, "Roles": ["ProcurementOfficer"], "IsActive": true, "UserName": "officer1", "CreatedAt": "2026-11-26T01:00:00+00:00", "DisplayName": "高森 花子", "PasswordHash": "AQAAAAIAAYagAAAAEArXsg1tTevX3bljRGLzETv/fdQ2KjatTzdwqslTKkqXdWmIcrisKxzvp+2+jv4NgA==", "SecurityStamp": "", "NormalizedUserName": "OFFICER1"}	2026-12-03 15:09:09.559428+00	01a23c73-c243-40ea-8a6a-f9cb84d934f2	Procurement.Features.Users.UserAccount
47a570f9-3e9b-46bd-bca5-ece792b24d2d	{"Id": "47a570f9-3e9b-46bd-bca5-ece792b24d2d", "Email": null, "Roles": ["ProcurementOfficer"], "IsActive": true, "UserName": "officer2", "CreatedAt": "2026-11-26T01:00:00+00:00", "DisplayName": "松川 次郎", "PasswordHash": "AQAAAAIAAYagAAAAECPqI1FpEg2z7nlS8m3OiC5tAR6lAzXoGasAhuMBDLQMG+Ux8wBcBflj1OmTWjZSFg==", "SecurityStamp": "", "NormalizedUserName": "OFFICER2"}	2026-12-03 15:09:09.559428+00	01a23c73-c243-468c-85a7-c29c3bc87e87	Procurement.Features.Users.UserAccount
ad01d53f-eb09-4a23-acd7-974e8d6e272f	{"Id": "ad01d53f-eb09-4a23-acd7-974e8d6e272f", "Email": null, "Roles": ["CommitteeMember"], "IsActive": true, "UserName": "member1", "CreatedAt": "2026-11-26T01:00:00+00:00", "DisplayName": "豊丘 一郎", "PasswordHash": "AQAAAAIAAYagAAAAELGLZT5jJN2hwPTeO8JHBfpsFIbC6xAHtJgZsGvCa3i/vFil0its6ItycjPxAQuAlw==", "SecurityStamp": "", "NormalizedUserName": "MEMBER1"}	2026-12-03 15:09:09.559428+00	01a23c73-c243-4938-bc87-313af1a2f66c	Procurement.Features.Users.UserAccount
fe0a4303-cd79-419e-9c45-0e6ea4ae11c0	{"Id": "fe0a4303-cd79-419e-9c45-0e6ea4ae11c0", "Email": null, "Roles": ["CommitteeMember"], "IsActive": true, "UserName": "member2", "CreatedAt": "2026-11-26T01:00:00+00:00", "DisplayName": "喬木 由美", "PasswordHash": "AQAAAAIAAYagAAAAENY0LET0PQgeDMxk/MNyAtpyf5dt6HXS/Z4FHNsns7HvBoG5aGC5Ub7QKxzkS5XAMQ==", "SecurityStamp": "", "NormalizedUserName": "MEMBER2"}	2026-12-03 15:09:09.559428+00	01a23c73-c243-426e-abac-c168a5395b32	Procurement.Features.Users.UserAccount
6f1849d2-576b-4fd0-bbab-2ba3880da634	{"Id": "6f1849d2-576b-4fd0-bbab-2ba3880da634", "Email": null, "Roles": ["CommitteeMember"], "IsActive": true, "UserName": "chair", "CreatedAt": "2026-11-26T01:00:00+00:00", "DisplayName": "南 信夫（委員長）", "PasswordHash": "AQAAAAIAAYagAAAAEOd73Uak98b4bZW02Lc4prOuGIwDa4mpu74NHLQrR7L2928rNqqM73fENwx8uAcRfw==", "SecurityStamp": "", "NormalizedUserName": "CHAIR"}	2026-12-03 15:09:09.559428+00	01a23c73-c243-4a1a-b856-f16f655813af	Procurement.Features.Users.UserAccount
1afd7155-7268-4079-aea8-dc6a59cc7fe2	{"Id": "1afd7155-7268-4079-aea8-dc6a59cc7fe2", "Email": null, "Roles": ["LegalStaff"], "IsActive": true, "UserName": "legal", "CreatedAt": "2026-11-26T01:00:00+00:00", "DisplayName": "法務 三郎", "PasswordHash": "AQAAAAIAAYagAAAAEMf1RjUG8dKsI+ppNbiM2L76oNPe2UIDSZTuzndRKKjyWxBzWp4fb42huSL/ZVQ3fg==", "SecurityStamp": "", "NormalizedUserName": "LEGAL"}	2026-12-03 15:09:09.559428+00	01a23c73-c243-434c-81af-7e1c7f1b6619	Procurement.Features.Users.UserAccount
\.


--
-- Data for Name: mt_doc_vendordirectoryentry; Type: TABLE DATA; Schema: procurement; Owner: -
--

COPY procurement.mt_doc_vendordirectoryentry (id, data, mt_last_modified, mt_dotnet_type, mt_version) FROM stdin;
6a0f3c1e-2b59-4c35-9a7e-00000000a001	{"Id": "6a0f3c1e-2b59-4c35-9a7e-00000000a001", "Email": "sales@kou-system.example.jp", "Address": "長野県長野市大字南長野1000番地", "GroupId": "6a0f3c1e-2b59-4c35-9a7e-000000000001", "Version": 1, "CompanyName": "甲システム株式会社", "RegisteredAt": "2026-11-26T01:00:00+00:00", "ContactPerson": "営業部 伊那 一郎", "CorporateNumber": "8000012050001"}	2026-12-03 15:09:15.903855+00	Procurement.Features.Vendors.VendorDirectoryEntry	1
6a0f3c1e-2b59-4c35-9a7e-00000000a002	{"Id": "6a0f3c1e-2b59-4c35-9a7e-00000000a002", "Email": "koukyou@otsu-joho.example.jp", "Address": "長野県松本市中央一丁目2番3号", "GroupId": "6a0f3c1e-2b59-4c35-9a7e-000000000001", "Version": 1, "CompanyName": "乙情報サービス株式会社", "RegisteredAt": "2026-11-26T01:00:00+00:00", "ContactPerson": "公共営業課 安曇 花子", "CorporateNumber": "7000012050002"}	2026-12-03 15:09:15.903855+00	Procurement.Features.Vendors.VendorDirectoryEntry	1
6a0f3c1e-2b59-4c35-9a7e-00000000a003	{"Id": "6a0f3c1e-2b59-4c35-9a7e-00000000a003", "Email": "jichitai@hei-tech.example.jp", "Address": "長野県飯田市追手町1-1", "GroupId": "6a0f3c1e-2b59-4c35-9a7e-000000000001", "Version": 1, "CompanyName": "丙テクノロジー株式会社", "RegisteredAt": "2026-11-26T01:00:00+00:00", "ContactPerson": "自治体ソリューション部 天竜 次郎", "CorporateNumber": "6000012050003"}	2026-12-03 15:09:15.903855+00	Procurement.Features.Vendors.VendorDirectoryEntry	1
\.


--
-- Data for Name: mt_doc_wizarddraft; Type: TABLE DATA; Schema: procurement; Owner: -
--

COPY procurement.mt_doc_wizarddraft (id, data, mt_last_modified, mt_version, mt_dotnet_type) FROM stdin;
\.


--
-- Data for Name: mt_event_progression; Type: TABLE DATA; Schema: procurement; Owner: -
--

COPY procurement.mt_event_progression (name, last_seq_id, last_updated, mode, rebuild_threshold, assigned_node, heartbeat, agent_status, pause_reason, running_on_node, warning_behind_threshold, critical_behind_threshold, failure_category, failure_event_sequence, failure_event_type, failure_event_tenant_id) FROM stdin;
\.


--
-- Data for Name: mt_event_projection_floors; Type: TABLE DATA; Schema: procurement; Owner: -
--

COPY procurement.mt_event_projection_floors (name, tenant_id, floor, last_updated) FROM stdin;
\.


--
-- Data for Name: mt_events; Type: TABLE DATA; Schema: procurement; Owner: -
--

COPY procurement.mt_events (seq_id, id, stream_id, version, data, bdata, type, "timestamp", tenant_id, mt_dotnet_type, correlation_id, causation_id, headers, is_archived) FROM stdin;
1	f0f33c8b-22e4-49f3-8de7-a2ec0175a251	6a0f3c1e-2b59-4c35-9a7e-000000000001	1	{"At": "2026-11-26T01:00:00+00:00", "By": {"Name": "システム", "UserId": "00000000-0000-0000-0000-000000000000"}, "Form": "Council", "Name": "南信州町村自治体クラウド協議会", "GroupId": "6a0f3c1e-2b59-4c35-9a7e-000000000001", "Members": [{"Name": "高森町", "Population": 12716, "PopulationDate": "2025-09-30"}, {"Name": "松川町", "Population": 12476, "PopulationDate": "2025-09-30"}, {"Name": "豊丘村", "Population": 6338, "PopulationDate": "2025-09-30"}, {"Name": "喬木村", "Population": 5936, "PopulationDate": "2025-09-30"}], "Representative": "高森町"}	\N	group_created	2026-12-03 15:09:08.771738+00	*DEFAULT*	Procurement.Features.Groups.GroupCreated, Procurement.Web	\N	\N	null	f
2	9d8d5811-ef4a-4761-8040-2ad7d49a3510	6a0f3c1e-2b59-4c35-9a7e-000000000001	2	{"At": "2026-11-26T01:00:00+00:00", "By": {"Name": "システム", "UserId": "00000000-0000-0000-0000-000000000000"}, "UserId": "14465398-0ed3-4cc1-8964-00317332625e", "GroupId": "6a0f3c1e-2b59-4c35-9a7e-000000000001", "UserName": "高森 花子"}	\N	user_added_to_group	2026-12-03 15:09:08.771738+00	*DEFAULT*	Procurement.Features.Groups.UserAddedToGroup, Procurement.Web	\N	\N	null	f
3	68100f82-317a-4f2b-974c-8569c120c595	6a0f3c1e-2b59-4c35-9a7e-000000000001	3	{"At": "2026-11-26T01:00:00+00:00", "By": {"Name": "システム", "UserId": "00000000-0000-0000-0000-000000000000"}, "UserId": "47a570f9-3e9b-46bd-bca5-ece792b24d2d", "GroupId": "6a0f3c1e-2b59-4c35-9a7e-000000000001", "UserName": "松川 次郎"}	\N	user_added_to_group	2026-12-03 15:09:08.771738+00	*DEFAULT*	Procurement.Features.Groups.UserAddedToGroup, Procurement.Web	\N	\N	null	f
4	afa73ad6-9be9-43a7-95a1-69645defb7ee	6a0f3c1e-2b59-4c35-9a7e-000000000001	4	{"At": "2026-11-26T01:00:00+00:00", "By": {"Name": "システム", "UserId": "00000000-0000-0000-0000-000000000000"}, "UserId": "ad01d53f-eb09-4a23-acd7-974e8d6e272f", "GroupId": "6a0f3c1e-2b59-4c35-9a7e-000000000001", "UserName": "豊丘 一郎"}	\N	user_added_to_group	2026-12-03 15:09:08.771738+00	*DEFAULT*	Procurement.Features.Groups.UserAddedToGroup, Procurement.Web	\N	\N	null	f
5	2a146944-1c2a-448a-9b5e-cfced6f4c73c	6a0f3c1e-2b59-4c35-9a7e-000000000001	5	{"At": "2026-11-26T01:00:00+00:00", "By": {"Name": "システム", "UserId": "00000000-0000-0000-0000-000000000000"}, "UserId": "fe0a4303-cd79-419e-9c45-0e6ea4ae11c0", "GroupId": "6a0f3c1e-2b59-4c35-9a7e-000000000001", "UserName": "喬木 由美"}	\N	user_added_to_group	2026-12-03 15:09:08.771738+00	*DEFAULT*	Procurement.Features.Groups.UserAddedToGroup, Procurement.Web	\N	\N	null	f
6	6f5c1e7e-53f3-4e01-a992-71d5e5f453f7	6a0f3c1e-2b59-4c35-9a7e-000000000001	6	{"At": "2026-11-26T01:00:00+00:00", "By": {"Name": "システム", "UserId": "00000000-0000-0000-0000-000000000000"}, "UserId": "6f1849d2-576b-4fd0-bbab-2ba3880da634", "GroupId": "6a0f3c1e-2b59-4c35-9a7e-000000000001", "UserName": "南 信夫（委員長）"}	\N	user_added_to_group	2026-12-03 15:09:08.771738+00	*DEFAULT*	Procurement.Features.Groups.UserAddedToGroup, Procurement.Web	\N	\N	null	f
7	5f1664ec-8191-4bff-904d-9240e175b996	6a0f3c1e-2b59-4c35-9a7e-000000000001	7	{"At": "2026-11-26T01:00:00+00:00", "By": {"Name": "システム", "UserId": "00000000-0000-0000-0000-000000000000"}, "UserId": "1afd7155-7268-4079-aea8-dc6a59cc7fe2", "GroupId": "6a0f3c1e-2b59-4c35-9a7e-000000000001", "UserName": "法務 三郎"}	\N	user_added_to_group	2026-12-03 15:09:08.771738+00	*DEFAULT*	Procurement.Features.Groups.UserAddedToGroup, Procurement.Web	\N	\N	null	f
8	7dc169ae-5edd-4630-8d92-02ed54783def	6a0f3c1e-2b59-4c35-9a7e-000000000101	1	{"At": "2026-11-26T01:00:00+00:00", "By": {"Name": "システム", "UserId": "00000000-0000-0000-0000-000000000000"}, "Title": "住民情報系システム共同利用（自治体クラウド）調達", "CaseId": "6a0f3c1e-2b59-4c35-9a7e-000000000101", "GroupId": "6a0f3c1e-2b59-4c35-9a7e-000000000001", "CloudForm": "SaaS", "Procedure": null, "BudgetCeiling": 480000000, "PlannedGoLive": "2028-04-01", "TargetBusinesses": ["jukiki", "koseki", "kojin-jumin", "kokuho", "kaigo", "jidoteate"]}	\N	case_opened	2026-12-03 15:09:08.783167+00	*DEFAULT*	Procurement.Features.Cases.CaseOpened, Procurement.Web	\N	\N	null	f
9	5d2e8511-5872-4283-9f0b-1e389a82fb51	6a0f3c1e-2b59-4c35-9a7e-00000000a001	1	{"At": "2026-11-26T01:00:00+00:00", "By": {"Name": "システム", "UserId": "00000000-0000-0000-0000-000000000000"}, "Email": "sales@kou-system.example.jp", "Address": "長野県長野市大字南長野1000番地", "GroupId": "6a0f3c1e-2b59-4c35-9a7e-000000000001", "VendorId": "6a0f3c1e-2b59-4c35-9a7e-00000000a001", "CompanyName": "甲システム株式会社", "ContactPerson": "営業部 伊那 一郎", "CorporateNumber": "8000012050001"}	\N	vendor_registered	2026-12-03 15:09:15.35797+00	*DEFAULT*	Procurement.Features.Vendors.VendorRegistered, Procurement.Web	\N	\N	null	f
10	9eca1968-2ede-46e1-8211-b298545ca1d3	6a0f3c1e-2b59-4c35-9a7e-00000000a002	1	{"At": "2026-11-26T01:00:00+00:00", "By": {"Name": "システム", "UserId": "00000000-0000-0000-0000-000000000000"}, "Email": "koukyou@otsu-joho.example.jp", "Address": "長野県松本市中央一丁目2番3号", "GroupId": "6a0f3c1e-2b59-4c35-9a7e-000000000001", "VendorId": "6a0f3c1e-2b59-4c35-9a7e-00000000a002", "CompanyName": "乙情報サービス株式会社", "ContactPerson": "公共営業課 安曇 花子", "CorporateNumber": "7000012050002"}	\N	vendor_registered	2026-12-03 15:09:15.358061+00	*DEFAULT*	Procurement.Features.Vendors.VendorRegistered, Procurement.Web	\N	\N	null	f
11	65225657-2156-4cf1-b211-e6311d96217f	6a0f3c1e-2b59-4c35-9a7e-00000000a003	1	{"At": "2026-11-26T01:00:00+00:00", "By": {"Name": "システム", "UserId": "00000000-0000-0000-0000-000000000000"}, "Email": "jichitai@hei-tech.example.jp", "Address": "長野県飯田市追手町1-1", "GroupId": "6a0f3c1e-2b59-4c35-9a7e-000000000001", "VendorId": "6a0f3c1e-2b59-4c35-9a7e-00000000a003", "CompanyName": "丙テクノロジー株式会社", "ContactPerson": "自治体ソリューション部 天竜 次郎", "CorporateNumber": "6000012050003"}	\N	vendor_registered	2026-12-03 15:09:15.358065+00	*DEFAULT*	Procurement.Features.Vendors.VendorRegistered, Procurement.Web	\N	\N	null	f
12	3b5c2214-4900-4133-9e80-be72d040dd50	6a0f3c1e-2b59-4c35-9a7e-000000000101	2	{"At": "2026-11-26T01:00:00+00:00", "By": {"Name": "システム", "UserId": "00000000-0000-0000-0000-000000000000"}, "Email": "sales@kou-system.example.jp", "CaseId": "6a0f3c1e-2b59-4c35-9a7e-000000000101", "Address": "長野県長野市大字南長野1000番地", "VendorId": "6a0f3c1e-2b59-4c35-9a7e-00000000a001", "CompanyName": "甲システム株式会社", "ContactPerson": "営業部 伊那 一郎", "CorporateNumber": "8000012050001"}	\N	vendor_added_to_case	2026-12-03 15:09:15.358067+00	*DEFAULT*	Procurement.Features.Vendors.VendorAddedToCase, Procurement.Web	\N	\N	null	f
13	e733f1ca-5df8-4595-ada7-bbfc1a6ccf57	6a0f3c1e-2b59-4c35-9a7e-000000000101	3	{"At": "2026-11-26T01:00:00+00:00", "By": {"Name": "システム", "UserId": "00000000-0000-0000-0000-000000000000"}, "CaseId": "6a0f3c1e-2b59-4c35-9a7e-000000000101", "RfiSent": true, "TookPart": true, "VendorId": "6a0f3c1e-2b59-4c35-9a7e-00000000a001", "CompanyName": "甲システム株式会社"}	\N	vendor_participation_marked	2026-12-03 15:09:15.358067+00	*DEFAULT*	Procurement.Features.Vendors.VendorParticipationMarked, Procurement.Web	\N	\N	null	f
26	a95383c5-1be8-416e-8c11-a53186512070	697c3e50-ccf7-52eb-a97f-cc5dd48eaa11	2	{"At": "2026-11-26T01:00:00+00:00", "By": {"Name": "システム", "UserId": "00000000-0000-0000-0000-000000000000"}, "Name": "乙情報サービス株式会社", "CaseId": "6a0f3c1e-2b59-4c35-9a7e-000000000101", "VendorId": "6a0f3c1e-2b59-4c35-9a7e-00000000a002"}	\N	evaluation_vendor_added	2026-12-03 15:09:17.032012+00	*DEFAULT*	Procurement.Features.Evaluation.EvaluationVendorAdded, Procurement.Web	\N	\N	null	f
14	4fd96de4-f481-4c7c-b5a1-fa4c39e433b2	6a0f3c1e-2b59-4c35-9a7e-000000000101	4	{"At": "2026-11-26T01:00:00+00:00", "By": {"Name": "システム", "UserId": "00000000-0000-0000-0000-000000000000"}, "CaseId": "6a0f3c1e-2b59-4c35-9a7e-000000000101", "VendorId": "6a0f3c1e-2b59-4c35-9a7e-00000000a001", "CompanyName": "甲システム株式会社", "InitialCost": 72000000, "ResponseDate": "2026-08-28", "ContractMonths": 60, "MonthlyOperatingCost": 6100000, "OperatingCostForTerm": 366000000}	\N	estimate_recorded	2026-12-03 15:09:15.358067+00	*DEFAULT*	Procurement.Features.Vendors.EstimateRecorded, Procurement.Web	\N	\N	null	f
15	61a4c3b2-ee03-4889-bcaf-f8c1730bd66b	6a0f3c1e-2b59-4c35-9a7e-000000000101	5	{"At": "2026-11-26T01:00:00+00:00", "By": {"Name": "システム", "UserId": "00000000-0000-0000-0000-000000000000"}, "Email": "koukyou@otsu-joho.example.jp", "CaseId": "6a0f3c1e-2b59-4c35-9a7e-000000000101", "Address": "長野県松本市中央一丁目2番3号", "VendorId": "6a0f3c1e-2b59-4c35-9a7e-00000000a002", "CompanyName": "乙情報サービス株式会社", "ContactPerson": "公共営業課 安曇 花子", "CorporateNumber": "7000012050002"}	\N	vendor_added_to_case	2026-12-03 15:09:15.358067+00	*DEFAULT*	Procurement.Features.Vendors.VendorAddedToCase, Procurement.Web	\N	\N	null	f
16	455eb3b2-f0b0-4c9d-a695-7b4313562e57	6a0f3c1e-2b59-4c35-9a7e-000000000101	6	{"At": "2026-11-26T01:00:00+00:00", "By": {"Name": "システム", "UserId": "00000000-0000-0000-0000-000000000000"}, "CaseId": "6a0f3c1e-2b59-4c35-9a7e-000000000101", "RfiSent": true, "TookPart": true, "VendorId": "6a0f3c1e-2b59-4c35-9a7e-00000000a002", "CompanyName": "乙情報サービス株式会社"}	\N	vendor_participation_marked	2026-12-03 15:09:15.358067+00	*DEFAULT*	Procurement.Features.Vendors.VendorParticipationMarked, Procurement.Web	\N	\N	null	f
17	aaeb7a5e-8920-4048-8e76-6bc3ffe923a1	6a0f3c1e-2b59-4c35-9a7e-000000000101	7	{"At": "2026-11-26T01:00:00+00:00", "By": {"Name": "システム", "UserId": "00000000-0000-0000-0000-000000000000"}, "CaseId": "6a0f3c1e-2b59-4c35-9a7e-000000000101", "VendorId": "6a0f3c1e-2b59-4c35-9a7e-00000000a002", "CompanyName": "乙情報サービス株式会社", "InitialCost": 80000000, "ResponseDate": "2026-08-28", "ContractMonths": 60, "MonthlyOperatingCost": 6400000, "OperatingCostForTerm": 384000000}	\N	estimate_recorded	2026-12-03 15:09:15.358067+00	*DEFAULT*	Procurement.Features.Vendors.EstimateRecorded, Procurement.Web	\N	\N	null	f
18	f5adf074-0ad9-4b8c-ae92-e9c516b657c8	6a0f3c1e-2b59-4c35-9a7e-000000000101	8	{"At": "2026-11-26T01:00:00+00:00", "By": {"Name": "システム", "UserId": "00000000-0000-0000-0000-000000000000"}, "Email": "jichitai@hei-tech.example.jp", "CaseId": "6a0f3c1e-2b59-4c35-9a7e-000000000101", "Address": "長野県飯田市追手町1-1", "VendorId": "6a0f3c1e-2b59-4c35-9a7e-00000000a003", "CompanyName": "丙テクノロジー株式会社", "ContactPerson": "自治体ソリューション部 天竜 次郎", "CorporateNumber": "6000012050003"}	\N	vendor_added_to_case	2026-12-03 15:09:15.358067+00	*DEFAULT*	Procurement.Features.Vendors.VendorAddedToCase, Procurement.Web	\N	\N	null	f
19	b749a1ed-8612-4793-bc15-f36406e2ffbd	6a0f3c1e-2b59-4c35-9a7e-000000000101	9	{"At": "2026-11-26T01:00:00+00:00", "By": {"Name": "システム", "UserId": "00000000-0000-0000-0000-000000000000"}, "CaseId": "6a0f3c1e-2b59-4c35-9a7e-000000000101", "RfiSent": true, "TookPart": true, "VendorId": "6a0f3c1e-2b59-4c35-9a7e-00000000a003", "CompanyName": "丙テクノロジー株式会社"}	\N	vendor_participation_marked	2026-12-03 15:09:15.358067+00	*DEFAULT*	Procurement.Features.Vendors.VendorParticipationMarked, Procurement.Web	\N	\N	null	f
20	f6174f39-7cb9-4a63-81b0-5a0e2459f849	6a0f3c1e-2b59-4c35-9a7e-000000000101	10	{"At": "2026-11-26T01:00:00+00:00", "By": {"Name": "システム", "UserId": "00000000-0000-0000-0000-000000000000"}, "CaseId": "6a0f3c1e-2b59-4c35-9a7e-000000000101", "VendorId": "6a0f3c1e-2b59-4c35-9a7e-00000000a003", "CompanyName": "丙テクノロジー株式会社", "InitialCost": 64000000, "ResponseDate": "2026-08-28", "ContractMonths": 60, "MonthlyOperatingCost": 5800000, "OperatingCostForTerm": 348000000}	\N	estimate_recorded	2026-12-03 15:09:15.358067+00	*DEFAULT*	Procurement.Features.Vendors.EstimateRecorded, Procurement.Web	\N	\N	null	f
21	e08ba711-2d62-4a86-8a96-82f9db52742c	6a0f3c1e-2b59-4c35-9a7e-000000000101	11	{"At": "2026-11-26T01:00:00+00:00", "By": {"Name": "システム", "UserId": "00000000-0000-0000-0000-000000000000"}, "CaseId": "6a0f3c1e-2b59-4c35-9a7e-000000000101", "AnnouncedOn": "2026-09-27", "ProposalDeadline": "2026-11-16T17:00:00+09:00"}	\N	qa_period_set	2026-12-03 15:09:15.358067+00	*DEFAULT*	Procurement.Features.Vendors.QaPeriodSet, Procurement.Web	\N	\N	null	f
22	1f362b42-4a21-4942-8975-0fcd67f44ac6	6a0f3c1e-2b59-4c35-9a7e-000000000101	12	{"At": "2026-11-26T01:00:00+00:00", "By": {"Name": "システム", "UserId": "00000000-0000-0000-0000-000000000000"}, "Late": false, "Files": [{"Kind": "Pdf", "Size": 611, "FileId": "810bba1e-2558-4367-acbc-840aa71e1220", "Sha256": "d76dccf0c0eebe70aa5268831c743c51b84686091c75403c430ea26a0225506f", "FileName": "技術提案書_甲システム株式会社.pdf", "PriceEnvelope": false}], "CaseId": "6a0f3c1e-2b59-4c35-9a7e-000000000101", "VendorId": "6a0f3c1e-2b59-4c35-9a7e-00000000a001", "ProposalId": "b0553c35-c826-4b74-b027-41b8c258066e", "CompanyName": "甲システム株式会社", "SubmittedAt": "2026-11-14T17:00:00+09:00"}	\N	proposal_submitted	2026-12-03 15:09:15.358067+00	*DEFAULT*	Procurement.Features.Vendors.ProposalSubmitted, Procurement.Web	\N	\N	null	f
23	c838a9fb-7ec2-455e-b03c-7294b4ae5bd3	6a0f3c1e-2b59-4c35-9a7e-000000000101	13	{"At": "2026-11-26T01:00:00+00:00", "By": {"Name": "システム", "UserId": "00000000-0000-0000-0000-000000000000"}, "Late": false, "Files": [{"Kind": "Pdf", "Size": 611, "FileId": "f7892f63-a5e0-433c-9c51-82e277934ba9", "Sha256": "3573b5d86565d755fc7b60454bd162d7cad18945f1e29ef332ed1ed4b533d113", "FileName": "技術提案書_乙情報サービス株式会社.pdf", "PriceEnvelope": false}], "CaseId": "6a0f3c1e-2b59-4c35-9a7e-000000000101", "VendorId": "6a0f3c1e-2b59-4c35-9a7e-00000000a002", "ProposalId": "8d2c574a-95b0-4b63-b491-3d8137eb2f48", "CompanyName": "乙情報サービス株式会社", "SubmittedAt": "2026-11-14T17:00:00+09:00"}	\N	proposal_submitted	2026-12-03 15:09:15.358067+00	*DEFAULT*	Procurement.Features.Vendors.ProposalSubmitted, Procurement.Web	\N	\N	null	f
24	64649522-b403-43ad-95d3-cb2f8f8b3664	6a0f3c1e-2b59-4c35-9a7e-000000000101	14	{"At": "2026-11-26T01:00:00+00:00", "By": {"Name": "システム", "UserId": "00000000-0000-0000-0000-000000000000"}, "Late": false, "Files": [{"Kind": "Pdf", "Size": 611, "FileId": "1fa54b11-5fb8-48c2-a1d7-0d523443e69c", "Sha256": "b0fb12c6f6fcf11062b88bf4fa46fa948adb3565ce0e8a241337ede2723bfafd", "FileName": "技術提案書_丙テクノロジー株式会社.pdf", "PriceEnvelope": false}], "CaseId": "6a0f3c1e-2b59-4c35-9a7e-000000000101", "VendorId": "6a0f3c1e-2b59-4c35-9a7e-00000000a003", "ProposalId": "1b81460b-7052-4076-ac88-dd230bdbfd0b", "CompanyName": "丙テクノロジー株式会社", "SubmittedAt": "2026-11-14T17:00:00+09:00"}	\N	proposal_submitted	2026-12-03 15:09:15.358067+00	*DEFAULT*	Procurement.Features.Vendors.ProposalSubmitted, Procurement.Web	\N	\N	null	f
25	d8cd870b-ad6c-4879-bc96-c8e2870eac15	697c3e50-ccf7-52eb-a97f-cc5dd48eaa11	1	{"At": "2026-11-26T01:00:00+00:00", "By": {"Name": "システム", "UserId": "00000000-0000-0000-0000-000000000000"}, "Name": "甲システム株式会社", "CaseId": "6a0f3c1e-2b59-4c35-9a7e-000000000101", "VendorId": "6a0f3c1e-2b59-4c35-9a7e-00000000a001"}	\N	evaluation_vendor_added	2026-12-03 15:09:17.032012+00	*DEFAULT*	Procurement.Features.Evaluation.EvaluationVendorAdded, Procurement.Web	\N	\N	null	f
27	6bbe6a46-c368-4cc5-b914-d2b50944ce9c	697c3e50-ccf7-52eb-a97f-cc5dd48eaa11	3	{"At": "2026-11-26T01:00:00+00:00", "By": {"Name": "システム", "UserId": "00000000-0000-0000-0000-000000000000"}, "Name": "丙テクノロジー株式会社", "CaseId": "6a0f3c1e-2b59-4c35-9a7e-000000000101", "VendorId": "6a0f3c1e-2b59-4c35-9a7e-00000000a003"}	\N	evaluation_vendor_added	2026-12-03 15:09:17.032012+00	*DEFAULT*	Procurement.Features.Evaluation.EvaluationVendorAdded, Procurement.Web	\N	\N	null	f
28	62c2944b-51e8-4a2f-878f-3f73c3120180	697c3e50-ccf7-52eb-a97f-cc5dd48eaa11	4	{"At": "2026-11-26T01:00:00+00:00", "By": {"Name": "システム", "UserId": "00000000-0000-0000-0000-000000000000"}, "CaseId": "6a0f3c1e-2b59-4c35-9a7e-000000000101", "Settings": {"Floor": null, "Rounding": {"Item": {"Mode": "None", "Decimals": 0}, "Average": {"Mode": "Truncate", "Decimals": 3}, "MemberTotal": {"Mode": "None", "Decimals": 0}, "PricePoints": {"Mode": "Truncate", "Decimals": 2}}, "Aggregation": "Average", "PriceMethod": "Additive", "PriceWeight": 1, "PassLineRatio": 0.6, "PriceAllocation": null, "RoundingOrExact": {"Item": {"Mode": "None", "Decimals": 0}, "Average": {"Mode": "Truncate", "Decimals": 3}, "MemberTotal": {"Mode": "None", "Decimals": 0}, "PricePoints": {"Mode": "Truncate", "Decimals": 2}}, "TechnicalWeight": 2, "DivisionMultiplier": 1}, "Categories": [{"Id": "0", "Name": "必須要件", "Items": [{"Id": "0-1", "Name": "LGWAN-ASPとして提供できること", "Scale": "PassFail", "Anchors": null, "Required": true, "MaxPoints": 0}, {"Id": "0-2", "Name": "契約終了時に標準レイアウトでデータを提供できること", "Scale": "PassFail", "Anchors": null, "Required": true, "MaxPoints": 0}]}, {"Id": "1", "Name": "提案内容", "Items": [{"Id": "1-1", "Name": "業務機能の網羅性", "Scale": "FiveLevel", "Anchors": null, "Required": false, "MaxPoints": 20}, {"Id": "1-2", "Name": "操作性・画面の見やすさ", "Scale": "FiveLevel", "Anchors": null, "Required": false, "MaxPoints": 10}, {"Id": "1-3", "Name": "法制度改正への対応", "Scale": "FiveLevel", "Anchors": null, "Required": false, "MaxPoints": 10}, {"Id": "1-4", "Name": "データ移行の方法と体制", "Scale": "FiveLevel", "Anchors": null, "Required": false, "MaxPoints": 10}]}, {"Id": "2", "Name": "機能適合", "Items": [{"Id": "2-1", "Name": "住民票の写し等の交付", "Scale": "FitGap", "Anchors": null, "Required": false, "MaxPoints": 5}, {"Id": "2-2", "Name": "転入・転出の処理", "Scale": "FitGap", "Anchors": null, "Required": false, "MaxPoints": 5}, {"Id": "2-3", "Name": "帳票の出力", "Scale": "FitGap", "Anchors": null, "Required": false, "MaxPoints": 5}, {"Id": "2-4", "Name": "外字の取扱い", "Scale": "FitGap", "Anchors": null, "Required": false, "MaxPoints": 5}]}, {"Id": "3", "Name": "運用・保守", "Items": [{"Id": "3-1", "Name": "障害時の対応体制", "Scale": "Number", "Anchors": null, "Required": false, "MaxPoints": 15}, {"Id": "3-2", "Name": "サービスレベルの水準", "Scale": "Number", "Anchors": null, "Required": false, "MaxPoints": 15}]}]}	\N	criteria_defined	2026-12-03 15:09:17.032012+00	*DEFAULT*	Procurement.Features.Evaluation.CriteriaDefined, Procurement.Web	\N	\N	null	f
29	edb02c7b-5e95-44c3-8360-7f72416c7387	697c3e50-ccf7-52eb-a97f-cc5dd48eaa11	5	{"At": "2026-11-26T01:00:00+00:00", "By": {"Name": "システム", "UserId": "00000000-0000-0000-0000-000000000000"}, "Name": "豊丘 一郎", "CaseId": "6a0f3c1e-2b59-4c35-9a7e-000000000101", "IsChair": false, "MemberId": "ad01d53f-eb09-4a23-acd7-974e8d6e272f", "Position": "豊丘村 総務課長"}	\N	committee_member_appointed	2026-12-03 15:09:17.032012+00	*DEFAULT*	Procurement.Features.Evaluation.CommitteeMemberAppointed, Procurement.Web	\N	\N	null	f
30	d8188a31-3a22-42ac-afb3-3afe4edcbd85	697c3e50-ccf7-52eb-a97f-cc5dd48eaa11	6	{"At": "2026-11-26T01:00:00+00:00", "By": {"Name": "システム", "UserId": "00000000-0000-0000-0000-000000000000"}, "Name": "喬木 由美", "CaseId": "6a0f3c1e-2b59-4c35-9a7e-000000000101", "IsChair": false, "MemberId": "fe0a4303-cd79-419e-9c45-0e6ea4ae11c0", "Position": "喬木村 企画財政課長"}	\N	committee_member_appointed	2026-12-03 15:09:17.032012+00	*DEFAULT*	Procurement.Features.Evaluation.CommitteeMemberAppointed, Procurement.Web	\N	\N	null	f
31	eb636ade-6027-45b5-a0da-653c072cbd5b	697c3e50-ccf7-52eb-a97f-cc5dd48eaa11	7	{"At": "2026-11-26T01:00:00+00:00", "By": {"Name": "システム", "UserId": "00000000-0000-0000-0000-000000000000"}, "Name": "南 信夫（委員長）", "CaseId": "6a0f3c1e-2b59-4c35-9a7e-000000000101", "IsChair": true, "MemberId": "6f1849d2-576b-4fd0-bbab-2ba3880da634", "Position": "高森町 副町長"}	\N	committee_member_appointed	2026-12-03 15:09:17.032012+00	*DEFAULT*	Procurement.Features.Evaluation.CommitteeMemberAppointed, Procurement.Web	\N	\N	null	f
32	ef528b59-a6f5-44a2-a420-2704c8fcb34f	697c3e50-ccf7-52eb-a97f-cc5dd48eaa11	8	{"At": "2026-11-26T01:00:00+00:00", "By": {"Name": "システム", "UserId": "00000000-0000-0000-0000-000000000000"}, "CaseId": "6a0f3c1e-2b59-4c35-9a7e-000000000101"}	\N	proposals_opened	2026-12-03 15:09:17.032012+00	*DEFAULT*	Procurement.Features.Evaluation.ProposalsOpened, Procurement.Web	\N	\N	null	f
33	3ceb913f-8d21-4117-aa0e-24024423aef6	697c3e50-ccf7-52eb-a97f-cc5dd48eaa11	9	{"At": "2026-11-26T01:00:00+00:00", "By": {"Name": "システム", "UserId": "00000000-0000-0000-0000-000000000000"}, "Basis": "RFQ見積（3者）の比較に基づく", "Amount": 480000000, "CaseId": "6a0f3c1e-2b59-4c35-9a7e-000000000101"}	\N	reserve_price_recorded	2026-12-03 15:09:17.032012+00	*DEFAULT*	Procurement.Features.Evaluation.ReservePriceRecorded, Procurement.Web	\N	\N	null	f
34	43656e64-709f-4498-9b3e-049222e67bb5	697c3e50-ccf7-52eb-a97f-cc5dd48eaa11	10	{"At": "2026-11-26T01:00:00+00:00", "By": {"Name": "システム", "UserId": "00000000-0000-0000-0000-000000000000"}, "Amount": 432000000, "CaseId": "6a0f3c1e-2b59-4c35-9a7e-000000000101", "VendorId": "6a0f3c1e-2b59-4c35-9a7e-00000000a001"}	\N	bid_price_recorded	2026-12-03 15:09:17.032012+00	*DEFAULT*	Procurement.Features.Evaluation.BidPriceRecorded, Procurement.Web	\N	\N	null	f
35	eb737e03-1461-4d65-916d-f17e90d548d1	697c3e50-ccf7-52eb-a97f-cc5dd48eaa11	11	{"At": "2026-11-26T01:00:00+00:00", "By": {"Name": "システム", "UserId": "00000000-0000-0000-0000-000000000000"}, "Amount": 456000000, "CaseId": "6a0f3c1e-2b59-4c35-9a7e-000000000101", "VendorId": "6a0f3c1e-2b59-4c35-9a7e-00000000a002"}	\N	bid_price_recorded	2026-12-03 15:09:17.032012+00	*DEFAULT*	Procurement.Features.Evaluation.BidPriceRecorded, Procurement.Web	\N	\N	null	f
36	196acbc7-ad96-4d50-a30c-9338da8fddbc	697c3e50-ccf7-52eb-a97f-cc5dd48eaa11	12	{"At": "2026-11-26T01:00:00+00:00", "By": {"Name": "システム", "UserId": "00000000-0000-0000-0000-000000000000"}, "Amount": 410000000, "CaseId": "6a0f3c1e-2b59-4c35-9a7e-000000000101", "VendorId": "6a0f3c1e-2b59-4c35-9a7e-00000000a003"}	\N	bid_price_recorded	2026-12-03 15:09:17.032012+00	*DEFAULT*	Procurement.Features.Evaluation.BidPriceRecorded, Procurement.Web	\N	\N	null	f
37	8ea6edea-03f4-4261-94ac-2792a701a01a	6a0f3c1e-2b59-4c35-9a7e-000000000101	15	{"At": "2026-11-26T03:00:00+00:00", "By": {"Name": "調達担当", "UserId": "00000000-0000-0000-0000-000000000000"}, "Basis": "MedianEstimate", "Amount": 452000000, "CaseId": "6a0f3c1e-2b59-4c35-9a7e-000000000101", "Reason": "RFQ見積3者の中央値"}	\N	planned_price_recorded	2026-12-03 15:09:17.829653+00	*DEFAULT*	Procurement.Features.Vendors.PlannedPriceRecorded, Procurement.Web	\N	\N	null	f
\.


--
-- Data for Name: mt_high_water_skips; Type: TABLE DATA; Schema: procurement; Owner: -
--

COPY procurement.mt_high_water_skips (ending_sequence, starting_sequence, "timestamp") FROM stdin;
\.


--
-- Data for Name: mt_streams; Type: TABLE DATA; Schema: procurement; Owner: -
--

COPY procurement.mt_streams (id, type, version, "timestamp", created, tenant_id, compacted_version, is_archived) FROM stdin;
6a0f3c1e-2b59-4c35-9a7e-000000000001	group_view	7	2026-12-03 15:09:09.559428+00	2026-12-03 15:09:09.559428+00	*DEFAULT*	0	f
6a0f3c1e-2b59-4c35-9a7e-00000000a001	vendor_directory_entry	1	2026-12-03 15:09:15.903855+00	2026-12-03 15:09:15.903855+00	*DEFAULT*	0	f
6a0f3c1e-2b59-4c35-9a7e-00000000a002	vendor_directory_entry	1	2026-12-03 15:09:15.903855+00	2026-12-03 15:09:15.903855+00	*DEFAULT*	0	f
6a0f3c1e-2b59-4c35-9a7e-00000000a003	vendor_directory_entry	1	2026-12-03 15:09:15.903855+00	2026-12-03 15:09:15.903855+00	*DEFAULT*	0	f
697c3e50-ccf7-52eb-a97f-cc5dd48eaa11	evaluation_view	12	2026-12-03 15:09:17.38945+00	2026-12-03 15:09:17.38945+00	*DEFAULT*	0	f
6a0f3c1e-2b59-4c35-9a7e-000000000101	case_summary	15	2026-12-03 15:09:17.895447+00	2026-12-03 15:09:09.559428+00	*DEFAULT*	0	f
\.


--
-- Data for Name: vendor_files; Type: TABLE DATA; Schema: procurement; Owner: -
--

COPY procurement.vendor_files (id, content) FROM stdin;
810bba1e-2558-4367-acbc-840aa71e1220	\\x255044462d312e340a312030206f626a0a3c3c202f54797065202f436174616c6f67202f5061676573203220302052203e3e0a656e646f626a0a322030206f626a0a3c3c202f54797065202f5061676573202f4b696473205b33203020525d202f436f756e742031203e3e0a656e646f626a0a332030206f626a0a3c3c202f54797065202f50616765202f506172656e74203220302052202f4d65646961426f78205b30203020353935203834325d202f436f6e74656e7473203420302052202f5265736f7572636573203c3c202f466f6e74203c3c202f4631203520302052203e3e203e3e203e3e0a656e646f626a0a342030206f626a0a3c3c202f4c656e677468203637203e3e0a73747265616d0a4254202f4631203134205466203732203737302054642028546563686e6963616c2070726f706f73616c202864656d6f29202d2076656e646f7220412920546a2045540a656e6473747265616d0a656e646f626a0a352030206f626a0a3c3c202f54797065202f466f6e74202f53756274797065202f5479706531202f42617365466f6e74202f48656c766574696361203e3e0a656e646f626a0a787265660a3020360a303030303030303030302036353533352066200a30303030303030303039203030303030206e200a30303030303030303538203030303030206e200a30303030303030313135203030303030206e200a30303030303030323431203030303030206e200a30303030303030333538203030303030206e200a747261696c65720a3c3c202f53697a652036202f526f6f74203120302052203e3e0a7374617274787265660a3432380a2525454f460a
f7892f63-a5e0-433c-9c51-82e277934ba9	\\x255044462d312e340a312030206f626a0a3c3c202f54797065202f436174616c6f67202f5061676573203220302052203e3e0a656e646f626a0a322030206f626a0a3c3c202f54797065202f5061676573202f4b696473205b33203020525d202f436f756e742031203e3e0a656e646f626a0a332030206f626a0a3c3c202f54797065202f50616765202f506172656e74203220302052202f4d65646961426f78205b30203020353935203834325d202f436f6e74656e7473203420302052202f5265736f7572636573203c3c202f466f6e74203c3c202f4631203520302052203e3e203e3e203e3e0a656e646f626a0a342030206f626a0a3c3c202f4c656e677468203637203e3e0a73747265616d0a4254202f4631203134205466203732203737302054642028546563686e6963616c2070726f706f73616c202864656d6f29202d2076656e646f7220422920546a2045540a656e6473747265616d0a656e646f626a0a352030206f626a0a3c3c202f54797065202f466f6e74202f53756274797065202f5479706531202f42617365466f6e74202f48656c766574696361203e3e0a656e646f626a0a787265660a3020360a303030303030303030302036353533352066200a30303030303030303039203030303030206e200a30303030303030303538203030303030206e200a30303030303030313135203030303030206e200a30303030303030323431203030303030206e200a30303030303030333538203030303030206e200a747261696c65720a3c3c202f53697a652036202f526f6f74203120302052203e3e0a7374617274787265660a3432380a2525454f460a
1fa54b11-5fb8-48c2-a1d7-0d523443e69c	\\x255044462d312e340a312030206f626a0a3c3c202f54797065202f436174616c6f67202f5061676573203220302052203e3e0a656e646f626a0a322030206f626a0a3c3c202f54797065202f5061676573202f4b696473205b33203020525d202f436f756e742031203e3e0a656e646f626a0a332030206f626a0a3c3c202f54797065202f50616765202f506172656e74203220302052202f4d65646961426f78205b30203020353935203834325d202f436f6e74656e7473203420302052202f5265736f7572636573203c3c202f466f6e74203c3c202f4631203520302052203e3e203e3e203e3e0a656e646f626a0a342030206f626a0a3c3c202f4c656e677468203637203e3e0a73747265616d0a4254202f4631203134205466203732203737302054642028546563686e6963616c2070726f706f73616c202864656d6f29202d2076656e646f7220432920546a2045540a656e6473747265616d0a656e646f626a0a352030206f626a0a3c3c202f54797065202f466f6e74202f53756274797065202f5479706531202f42617365466f6e74202f48656c766574696361203e3e0a656e646f626a0a787265660a3020360a303030303030303030302036353533352066200a30303030303030303039203030303030206e200a30303030303030303538203030303030206e200a30303030303030313135203030303030206e200a30303030303030323431203030303030206e200a30303030303030333538203030303030206e200a747261696c65720a3c3c202f53697a652036202f526f6f74203120302052203e3e0a7374617274787265660a3432380a2525454f460a
\.


--
-- Name: mt_events_sequence; Type: SEQUENCE SET; Schema: procurement; Owner: -
--

SELECT pg_catalog.setval('procurement.mt_events_sequence', 37, true);


--
-- Name: mt_event_progression pk_mt_event_progression; Type: CONSTRAINT; Schema: procurement; Owner: -
--

ALTER TABLE ONLY procurement.mt_event_progression
    ADD CONSTRAINT pk_mt_event_progression PRIMARY KEY (name);


--
-- Name: mt_doc_casedocumentsview pkey_mt_doc_casedocumentsview_id; Type: CONSTRAINT; Schema: procurement; Owner: -
--

ALTER TABLE ONLY procurement.mt_doc_casedocumentsview
    ADD CONSTRAINT pkey_mt_doc_casedocumentsview_id PRIMARY KEY (id);


--
-- Name: mt_doc_casesummary pkey_mt_doc_casesummary_id; Type: CONSTRAINT; Schema: procurement; Owner: -
--

ALTER TABLE ONLY procurement.mt_doc_casesummary
    ADD CONSTRAINT pkey_mt_doc_casesummary_id PRIMARY KEY (id);


--
-- Name: mt_doc_casevendors pkey_mt_doc_casevendors_id; Type: CONSTRAINT; Schema: procurement; Owner: -
--

ALTER TABLE ONLY procurement.mt_doc_casevendors
    ADD CONSTRAINT pkey_mt_doc_casevendors_id PRIMARY KEY (id);


--
-- Name: mt_doc_caseworkflowview pkey_mt_doc_caseworkflowview_id; Type: CONSTRAINT; Schema: procurement; Owner: -
--

ALTER TABLE ONLY procurement.mt_doc_caseworkflowview
    ADD CONSTRAINT pkey_mt_doc_caseworkflowview_id PRIMARY KEY (id);


--
-- Name: mt_doc_contractdossier pkey_mt_doc_contractdossier_id; Type: CONSTRAINT; Schema: procurement; Owner: -
--

ALTER TABLE ONLY procurement.mt_doc_contractdossier
    ADD CONSTRAINT pkey_mt_doc_contractdossier_id PRIMARY KEY (id);


--
-- Name: mt_doc_contractversionfiles pkey_mt_doc_contractversionfiles_id; Type: CONSTRAINT; Schema: procurement; Owner: -
--

ALTER TABLE ONLY procurement.mt_doc_contractversionfiles
    ADD CONSTRAINT pkey_mt_doc_contractversionfiles_id PRIMARY KEY (id);


--
-- Name: mt_doc_costshareplan pkey_mt_doc_costshareplan_id; Type: CONSTRAINT; Schema: procurement; Owner: -
--

ALTER TABLE ONLY procurement.mt_doc_costshareplan
    ADD CONSTRAINT pkey_mt_doc_costshareplan_id PRIMARY KEY (id);


--
-- Name: mt_doc_currentsystemsurvey pkey_mt_doc_currentsystemsurvey_id; Type: CONSTRAINT; Schema: procurement; Owner: -
--

ALTER TABLE ONLY procurement.mt_doc_currentsystemsurvey
    ADD CONSTRAINT pkey_mt_doc_currentsystemsurvey_id PRIMARY KEY (id);


--
-- Name: mt_doc_dataprotectionkey pkey_mt_doc_dataprotectionkey_id; Type: CONSTRAINT; Schema: procurement; Owner: -
--

ALTER TABLE ONLY procurement.mt_doc_dataprotectionkey
    ADD CONSTRAINT pkey_mt_doc_dataprotectionkey_id PRIMARY KEY (id);


--
-- Name: mt_doc_deadletterevent pkey_mt_doc_deadletterevent_id; Type: CONSTRAINT; Schema: procurement; Owner: -
--

ALTER TABLE ONLY procurement.mt_doc_deadletterevent
    ADD CONSTRAINT pkey_mt_doc_deadletterevent_id PRIMARY KEY (id);


--
-- Name: mt_doc_evaluationview pkey_mt_doc_evaluationview_id; Type: CONSTRAINT; Schema: procurement; Owner: -
--

ALTER TABLE ONLY procurement.mt_doc_evaluationview
    ADD CONSTRAINT pkey_mt_doc_evaluationview_id PRIMARY KEY (id);


--
-- Name: mt_doc_fitgapview pkey_mt_doc_fitgapview_id; Type: CONSTRAINT; Schema: procurement; Owner: -
--

ALTER TABLE ONLY procurement.mt_doc_fitgapview
    ADD CONSTRAINT pkey_mt_doc_fitgapview_id PRIMARY KEY (id);


--
-- Name: mt_doc_groupview pkey_mt_doc_groupview_id; Type: CONSTRAINT; Schema: procurement; Owner: -
--

ALTER TABLE ONLY procurement.mt_doc_groupview
    ADD CONSTRAINT pkey_mt_doc_groupview_id PRIMARY KEY (id);


--
-- Name: mt_doc_renewalview pkey_mt_doc_renewalview_id; Type: CONSTRAINT; Schema: procurement; Owner: -
--

ALTER TABLE ONLY procurement.mt_doc_renewalview
    ADD CONSTRAINT pkey_mt_doc_renewalview_id PRIMARY KEY (id);


--
-- Name: mt_doc_scoresheetview pkey_mt_doc_scoresheetview_id; Type: CONSTRAINT; Schema: procurement; Owner: -
--

ALTER TABLE ONLY procurement.mt_doc_scoresheetview
    ADD CONSTRAINT pkey_mt_doc_scoresheetview_id PRIMARY KEY (id);


--
-- Name: mt_doc_slaoperationview pkey_mt_doc_slaoperationview_id; Type: CONSTRAINT; Schema: procurement; Owner: -
--

ALTER TABLE ONLY procurement.mt_doc_slaoperationview
    ADD CONSTRAINT pkey_mt_doc_slaoperationview_id PRIMARY KEY (id);


--
-- Name: mt_doc_slareportfile pkey_mt_doc_slareportfile_id; Type: CONSTRAINT; Schema: procurement; Owner: -
--

ALTER TABLE ONLY procurement.mt_doc_slareportfile
    ADD CONSTRAINT pkey_mt_doc_slareportfile_id PRIMARY KEY (id);


--
-- Name: mt_doc_storedfile pkey_mt_doc_storedfile_id; Type: CONSTRAINT; Schema: procurement; Owner: -
--

ALTER TABLE ONLY procurement.mt_doc_storedfile
    ADD CONSTRAINT pkey_mt_doc_storedfile_id PRIMARY KEY (id);


--
-- Name: mt_doc_storedpdf pkey_mt_doc_storedpdf_id; Type: CONSTRAINT; Schema: procurement; Owner: -
--

ALTER TABLE ONLY procurement.mt_doc_storedpdf
    ADD CONSTRAINT pkey_mt_doc_storedpdf_id PRIMARY KEY (id);


--
-- Name: mt_doc_taskcount pkey_mt_doc_taskcount_id; Type: CONSTRAINT; Schema: procurement; Owner: -
--

ALTER TABLE ONLY procurement.mt_doc_taskcount
    ADD CONSTRAINT pkey_mt_doc_taskcount_id PRIMARY KEY (id);


--
-- Name: mt_doc_useraccount pkey_mt_doc_useraccount_id; Type: CONSTRAINT; Schema: procurement; Owner: -
--

ALTER TABLE ONLY procurement.mt_doc_useraccount
    ADD CONSTRAINT pkey_mt_doc_useraccount_id PRIMARY KEY (id);


--
-- Name: mt_doc_vendordirectoryentry pkey_mt_doc_vendordirectoryentry_id; Type: CONSTRAINT; Schema: procurement; Owner: -
--

ALTER TABLE ONLY procurement.mt_doc_vendordirectoryentry
    ADD CONSTRAINT pkey_mt_doc_vendordirectoryentry_id PRIMARY KEY (id);


--
-- Name: mt_doc_wizarddraft pkey_mt_doc_wizarddraft_id; Type: CONSTRAINT; Schema: procurement; Owner: -
--

ALTER TABLE ONLY procurement.mt_doc_wizarddraft
    ADD CONSTRAINT pkey_mt_doc_wizarddraft_id PRIMARY KEY (id);


--
-- Name: mt_event_projection_floors pkey_mt_event_projection_floors_name_tenant_id; Type: CONSTRAINT; Schema: procurement; Owner: -
--

ALTER TABLE ONLY procurement.mt_event_projection_floors
    ADD CONSTRAINT pkey_mt_event_projection_floors_name_tenant_id PRIMARY KEY (name, tenant_id);


--
-- Name: mt_events pkey_mt_events_seq_id; Type: CONSTRAINT; Schema: procurement; Owner: -
--

ALTER TABLE ONLY procurement.mt_events
    ADD CONSTRAINT pkey_mt_events_seq_id PRIMARY KEY (seq_id);


--
-- Name: mt_high_water_skips pkey_mt_high_water_skips_ending_sequence; Type: CONSTRAINT; Schema: procurement; Owner: -
--

ALTER TABLE ONLY procurement.mt_high_water_skips
    ADD CONSTRAINT pkey_mt_high_water_skips_ending_sequence PRIMARY KEY (ending_sequence);


--
-- Name: mt_streams pkey_mt_streams_id; Type: CONSTRAINT; Schema: procurement; Owner: -
--

ALTER TABLE ONLY procurement.mt_streams
    ADD CONSTRAINT pkey_mt_streams_id PRIMARY KEY (id);


--
-- Name: vendor_files vendor_files_pkey; Type: CONSTRAINT; Schema: procurement; Owner: -
--

ALTER TABLE ONLY procurement.vendor_files
    ADD CONSTRAINT vendor_files_pkey PRIMARY KEY (id);


--
-- Name: mt_doc_contractversionfiles_idx_dossier_id; Type: INDEX; Schema: procurement; Owner: -
--

CREATE INDEX mt_doc_contractversionfiles_idx_dossier_id ON procurement.mt_doc_contractversionfiles USING btree ((((data ->> 'DossierId'::text))::uuid));


--
-- Name: mt_doc_scoresheetview_idx_case_id; Type: INDEX; Schema: procurement; Owner: -
--

CREATE INDEX mt_doc_scoresheetview_idx_case_id ON procurement.mt_doc_scoresheetview USING btree ((((data ->> 'CaseId'::text))::uuid));


--
-- Name: mt_doc_slareportfile_idx_case_id; Type: INDEX; Schema: procurement; Owner: -
--

CREATE INDEX mt_doc_slareportfile_idx_case_id ON procurement.mt_doc_slareportfile USING btree ((((data ->> 'CaseId'::text))::uuid));


--
-- Name: mt_doc_storedfile_idx_case_id; Type: INDEX; Schema: procurement; Owner: -
--

CREATE INDEX mt_doc_storedfile_idx_case_id ON procurement.mt_doc_storedfile USING btree ((((data ->> 'CaseId'::text))::uuid));


--
-- Name: mt_doc_storedpdf_idx_case_id; Type: INDEX; Schema: procurement; Owner: -
--

CREATE INDEX mt_doc_storedpdf_idx_case_id ON procurement.mt_doc_storedpdf USING btree ((((data ->> 'CaseId'::text))::uuid));


--
-- Name: mt_doc_taskcount_idx_case_id; Type: INDEX; Schema: procurement; Owner: -
--

CREATE INDEX mt_doc_taskcount_idx_case_id ON procurement.mt_doc_taskcount USING btree ((((data ->> 'CaseId'::text))::uuid));


--
-- Name: mt_doc_taskcount_idx_user_id; Type: INDEX; Schema: procurement; Owner: -
--

CREATE INDEX mt_doc_taskcount_idx_user_id ON procurement.mt_doc_taskcount USING btree ((((data ->> 'UserId'::text))::uuid));


--
-- Name: mt_doc_useraccount_uidx_normalized_user_name; Type: INDEX; Schema: procurement; Owner: -
--

CREATE UNIQUE INDEX mt_doc_useraccount_uidx_normalized_user_name ON procurement.mt_doc_useraccount USING btree (((data ->> 'NormalizedUserName'::text)));


--
-- Name: mt_doc_vendordirectoryentry_uidx_group_idcorporate_number; Type: INDEX; Schema: procurement; Owner: -
--

CREATE UNIQUE INDEX mt_doc_vendordirectoryentry_uidx_group_idcorporate_number ON procurement.mt_doc_vendordirectoryentry USING btree ((((data ->> 'GroupId'::text))::uuid), ((data ->> 'CorporateNumber'::text)));


--
-- Name: mt_doc_wizarddraft_idx_user_id; Type: INDEX; Schema: procurement; Owner: -
--

CREATE INDEX mt_doc_wizarddraft_idx_user_id ON procurement.mt_doc_wizarddraft USING btree ((((data ->> 'UserId'::text))::uuid));


--
-- Name: pk_mt_events_stream_and_version; Type: INDEX; Schema: procurement; Owner: -
--

CREATE UNIQUE INDEX pk_mt_events_stream_and_version ON procurement.mt_events USING btree (stream_id, version);


--
-- Name: mt_events fkey_mt_events_stream_id; Type: FK CONSTRAINT; Schema: procurement; Owner: -
--

ALTER TABLE ONLY procurement.mt_events
    ADD CONSTRAINT fkey_mt_events_stream_id FOREIGN KEY (stream_id) REFERENCES procurement.mt_streams(id) ON DELETE CASCADE;


--
-- PostgreSQL database dump complete
--

\unrestrict CPhGpqpUtPqVKmVBycObyQifl6ZsI1fueQUBrHtwXTUIVCdhgx0xjTCoUMMowSJ

