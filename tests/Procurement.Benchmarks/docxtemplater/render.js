// The docxtemplater side of `scripts/bench.sh cold`: the same 2,000-row 調達仕様書 data rendered by the usual
// Node.js template library, timed by the benchmark from exec to the written .docx (require and start-up count, as in
// the CLI's figure). docxtemplater and pizzip are installed with npm at bench time (artifacts/, never committed).
//   node render.js template <out.docx>                  writes the equivalent template (title, parameters, the requirement table)
//   node render.js render <template.docx> <data.json> <out.docx>
'use strict';
const fs = require('fs');

const [mode, ...args] = process.argv.slice(2);
const PizZip = require('pizzip');

if (mode === 'template') {
  const cell = (text, bold) =>
    `<w:tc><w:tcPr><w:tcW w:w="0" w:type="auto"/></w:tcPr><w:p><w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${text}</w:t></w:r></w:p></w:tc>`;
  const para = (text, style) =>
    `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
  const headers = ['業務', '番号', '区分', '機能', '要件', '必須/推奨'];
  const fields = ['business', 'no', 'category', 'function', 'detail', 'level'];
  const row = (cells) => `<w:tr>${cells.join('')}</w:tr>`;
  const loopRow = fields.map((f, i) =>
    cell((i === 0 ? '{#requirements}' : '') + `{${f}}` + (i === fields.length - 1 ? '{/requirements}' : ''), false));
  const body = [
    para('{document.title}', 'Title'),
    para('{group.name}'),
    para('{procurement.title}'),
    para('クラウド形態：{procurement.cloud_form}　稼働予定：{procurement.planned_go_live}'),
    para('対象業務', 'Heading1'),
    para('{#procurement.target_businesses}{name}（{data_standard_name}）{/procurement.target_businesses}'),
    para('機能要件', 'Heading1'),
    '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="5000" w:type="pct"/></w:tblPr>' +
      '<w:tblGrid>' + fields.map(() => '<w:gridCol/>').join('') + '</w:tblGrid>' +
      row(headers.map((h) => cell(h, true))) + row(loopRow) + '</w:tbl>',
    '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1701" w:right="1418" w:bottom="1418" w:left="1418" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>',
  ].join('');
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const zip = new PizZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>');
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  zip.file('word/_rels/document.xml.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>');
  zip.file('word/styles.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="${W}"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:rPr><w:rFonts w:ascii="游明朝" w:eastAsia="游明朝" w:hAnsi="游明朝"/><w:sz w:val="21"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:rPr><w:b/><w:sz w:val="24"/></w:rPr></w:style><w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr></w:style></w:styles>`);
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`);
  fs.writeFileSync(args[0], zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' }));
} else if (mode === 'render') {
  const Docxtemplater = require('docxtemplater');
  const [templatePath, dataPath, outPath] = args;
  const doc = new Docxtemplater(new PizZip(fs.readFileSync(templatePath)), { paragraphLoop: true, linebreaks: true });
  doc.render(JSON.parse(fs.readFileSync(dataPath, 'utf8')));
  const bytes = doc.getZip().generate({ type: 'nodebuffer', compression: 'DEFLATE' });
  fs.writeFileSync(outPath, bytes);
} else {
  console.error('usage: node render.js template <out.docx> | render <template.docx> <data.json> <out.docx>');
  process.exit(2);
}
